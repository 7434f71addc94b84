//! Small geometry: great-circle distance, point in polygon, distance to a polyline.

/// Mean Earth radius in km.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance between two points, in km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Whether `(x, y)` lies inside the rings (even-odd rule, so holes work).
pub fn point_in_rings(x: f64, y: f64, rings: &[Vec<(f64, f64)>]) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        if n < 3 {
            continue;
        }
        let mut j = n - 1;
        for i in 0..n {
            let (xi, yi) = ring[i];
            let (xj, yj) = ring[j];
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
    }
    inside
}

/// Distance in degrees from point `p` to the segment `a`–`b` (planar).
pub fn segment_distance_deg(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// Distance in km from a point to the segment `a`–`b` (lon, lat), on a local flat projection.
pub fn segment_distance_km(lat: f64, lon: f64, a: (f64, f64), b: (f64, f64)) -> f64 {
    let k = lat.to_radians().cos();
    let project = |(x, y): (f64, f64)| ((x - lon) * k, y - lat);
    let d = segment_distance_deg((0.0, 0.0), project(a), project(b));
    d * EARTH_RADIUS_KM * std::f64::consts::PI / 180.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Ouagadougou to Bobo-Dioulasso is about 330 km.
        let d = distance_km(12.3714, -1.5197, 11.1771, -4.2979);
        assert!((320.0..345.0).contains(&d), "{d}");
        assert_eq!(distance_km(10.0, 1.0, 10.0, 1.0), 0.0);
    }

    #[test]
    fn square_with_hole() {
        let outer = vec![(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)];
        let hole = vec![(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0)];
        let rings = vec![outer, hole];
        assert!(point_in_rings(3.0, 3.0, &rings));
        assert!(!point_in_rings(1.5, 1.5, &rings));
        assert!(!point_in_rings(5.0, 1.0, &rings));
    }

    #[test]
    fn segment_distance() {
        // One degree of latitude is about 111 km.
        let d = segment_distance_km(1.0, 0.5, (0.0, 0.0), (1.0, 0.0));
        assert!((110.0..112.5).contains(&d), "{d}");
    }
}
