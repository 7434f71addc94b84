//! Parts of a country (`northern Togo`, `l'est du Burkina`): which first-level units lie there.
//!
//! A country's frame is the spread of its populated places (2nd to 98th percentile of
//! latitude and longitude, so far islands do not stretch it); each first-level unit sits at
//! the mean position of its populated places. A part of the country is a compass direction
//! from the frame's centre, or the centre itself.

use std::collections::{BTreeMap, HashMap};

use crate::Gazetteer;

/// A part of a country named by compass words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    /// Toward a unit vector (east, north).
    Toward(f64, f64),
    /// The middle of the country.
    Centre,
}

impl Part {
    /// The part named by one or two folded compass words (`north`, `east`: north-east).
    pub fn from_words(first: &str, second: Option<&str>) -> Option<Part> {
        if second.is_none() && matches!(first, "central" | "centre" | "center" | "centrale") {
            return Some(Part::Centre);
        }
        let (mut x, mut y) = compass(first)?;
        if let Some(word) = second {
            let (a, b) = compass(word)?;
            // Only a north/south word followed by an east/west word makes a compound.
            if x != 0.0 || y == 0.0 || a == 0.0 || b != 0.0 {
                return None;
            }
            x += a;
            y += b;
        }
        let norm = (x * x + y * y).sqrt();
        (norm > 0.0).then(|| Part::Toward(x / norm, y / norm))
    }

    /// How far a frame position (`-1..1` each way) lies in this part; higher is deeper in it.
    pub fn depth(self, (u, v): (f64, f64)) -> f64 {
        match self {
            Part::Centre => -(u * u + v * v).sqrt(),
            Part::Toward(x, y) => {
                let along = u * x + v * y;
                let across = (-u * y + v * x).abs();
                along - 0.35 * across
            }
        }
    }

    /// Whether a frame position lies in this part at all.
    pub fn contains(self, (u, v): (f64, f64)) -> bool {
        match self {
            Part::Centre => (u * u + v * v).sqrt() <= 0.45,
            Part::Toward(x, y) => u * x + v * y >= 0.3,
        }
    }
}

/// A compass word as a vector (east, north), unnormalised.
fn compass(word: &str) -> Option<(f64, f64)> {
    Some(match word {
        "north" | "northern" | "nord" | "septentrional" => (0.0, 1.0),
        "south" | "southern" | "sud" | "meridional" => (0.0, -1.0),
        "east" | "eastern" | "est" | "oriental" => (1.0, 0.0),
        "west" | "western" | "ouest" | "occidental" => (-1.0, 0.0),
        "northeast" | "northeastern" => (1.0, 1.0),
        "northwest" | "northwestern" => (-1.0, 1.0),
        "southeast" | "southeastern" => (1.0, -1.0),
        "southwest" | "southwestern" => (-1.0, -1.0),
        _ => return None,
    })
}

/// A country's frame and its first-level units.
pub struct Frame {
    centre: (f64, f64),
    half: (f64, f64),
    /// First-level unit entries with the mean (lat, lon) of their populated places.
    units: Vec<(u32, (f64, f64))>,
}

impl Frame {
    /// The frame of country `cc`, or `None` when the gazetteer has too few places there.
    pub fn of(gazetteer: &Gazetteer, cc: [u8; 2]) -> Option<Frame> {
        let ids = gazetteer.by_country.get(&cc)?;
        let mut lats = Vec::new();
        let mut lons = Vec::new();
        // Populated places per admin tuple index, summed: (lat, lon, count).
        let mut by_admin: BTreeMap<u32, (f64, f64, f64)> = BTreeMap::new();
        let mut unit_of_name: HashMap<&str, u32> = HashMap::new();
        for &id in ids {
            let Some(entry) = gazetteer.entries.get(id as usize) else { continue };
            if entry.fclass == b'P' {
                lats.push(entry.lat);
                lons.push(entry.lon);
                let sum = by_admin.entry(entry.admin).or_default();
                *sum = (sum.0 + entry.lat, sum.1 + entry.lon, sum.2 + 1.0);
            } else if entry.fcode == "ADM1" && entry.seat.is_some() {
                let name =
                    gazetteer.admins.get(entry.admin as usize).and_then(|a| a.admin1.as_deref());
                if let Some(name) = name {
                    unit_of_name.insert(name, id);
                }
            }
        }
        if lats.len() < 10 || unit_of_name.is_empty() {
            return None;
        }
        lats.sort_by(f64::total_cmp);
        lons.sort_by(f64::total_cmp);
        let pick = |v: &[f64], q: f64| v.get(((v.len() - 1) as f64 * q) as usize).copied();
        let (lat0, lat1) = (pick(&lats, 0.02)?, pick(&lats, 0.98)?);
        let (lon0, lon1) = (pick(&lons, 0.02)?, pick(&lons, 0.98)?);
        let mut sums: HashMap<u32, (f64, f64, f64)> = HashMap::new();
        for (admin, (lat, lon, n)) in by_admin {
            let name = gazetteer.admins.get(admin as usize).and_then(|a| a.admin1.as_deref());
            let Some(&unit) = name.and_then(|n| unit_of_name.get(n)) else { continue };
            let sum = sums.entry(unit).or_default();
            *sum = (sum.0 + lat, sum.1 + lon, sum.2 + n);
        }
        let mut units: Vec<(u32, (f64, f64))> =
            sums.into_iter().map(|(unit, (lat, lon, n))| (unit, (lat / n, lon / n))).collect();
        units.sort_by_key(|u| u.0);
        Some(Frame {
            centre: ((lat0 + lat1) / 2.0, (lon0 + lon1) / 2.0),
            half: (((lat1 - lat0) / 2.0).max(0.05), ((lon1 - lon0) / 2.0).max(0.05)),
            units,
        })
    }

    /// A point's position in the frame: (east, north), about `-1..1` each.
    pub fn position(&self, lat: f64, lon: f64) -> (f64, f64) {
        ((lon - self.centre.1) / self.half.1, (lat - self.centre.0) / self.half.0)
    }

    /// The first-level unit lying deepest in `part`.
    pub fn unit_in(&self, part: Part) -> Option<u32> {
        self.units
            .iter()
            .map(|&(id, (lat, lon))| (id, part.depth(self.position(lat, lon))))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id)
    }
}
