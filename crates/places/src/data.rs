//! The gazetteer's in-memory tables, read from the compact shipped files.

use std::io::Read;

use crate::{Error, Result};

/// High bit of a posting: the name is an alternate, not the place's preferred name.
pub const ALT_FLAG: u32 = 1 << 31;

/// One gazetteer entry: a populated place, a feature, or an admin unit located at its seat.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Preferred name.
    pub name: Box<str>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// ISO alpha-2 country code.
    pub cc: [u8; 2],
    /// GeoNames feature class (`P`, `A`, `H`, `T`, `S`, `L`, `V`, `R`, `U`).
    pub fclass: u8,
    /// GeoNames feature code (`PPL`, `PPLC`, `ADM1`...).
    pub fcode: Box<str>,
    /// Population (0 when unknown).
    pub population: u32,
    /// Index into the admin table.
    pub admin: u32,
    /// For admin units: the entry of the unit's seat.
    pub seat: Option<u32>,
}

impl Entry {
    /// The country code as text.
    pub fn country_code(&self) -> &str {
        std::str::from_utf8(&self.cc).unwrap_or("")
    }

    /// The admin level of an admin unit entry (1 to 3), or `None` for other entries.
    pub fn admin_level(&self) -> Option<u8> {
        if self.fclass != b'A' {
            return None;
        }
        match &*self.fcode {
            "ADM1" => Some(1),
            "ADM2" => Some(2),
            "ADM3" => Some(3),
            _ => None,
        }
    }
}

/// The admin names of an entry: country code, admin1, admin2, admin3.
#[derive(Debug, Clone, Default)]
pub struct Admins {
    /// Admin1 name.
    pub admin1: Option<Box<str>>,
    /// Admin2 name.
    pub admin2: Option<Box<str>>,
    /// Admin3 name.
    pub admin3: Option<Box<str>>,
}

/// Decompresses gzip bytes.
pub fn gunzip(bytes: &[u8], what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| Error::Data(format!("{what}: {e}")))?;
    Ok(out)
}

/// Parses the places table.
pub fn parse_entries(text: &str) -> Result<Vec<Entry>> {
    let mut entries = Vec::with_capacity(text.len() / 40);
    for (line_idx, line) in text.lines().enumerate() {
        let bad = || Error::Data(format!("places line {}: malformed", line_idx + 1));
        let mut cols = line.split('\t');
        let mut next = || cols.next().ok_or_else(bad);
        let name = next()?;
        let lat: f64 = next()?.parse().map_err(|_| bad())?;
        let lon: f64 = next()?.parse().map_err(|_| bad())?;
        let cc_text = next()?.as_bytes();
        let cc = [*cc_text.first().unwrap_or(&b'?'), *cc_text.get(1).unwrap_or(&b'?')];
        let fclass = *next()?.as_bytes().first().unwrap_or(&b'?');
        let fcode = next()?;
        let population: u32 =
            next()?.parse::<u64>().map_err(|_| bad())?.min(u32::MAX as u64) as u32;
        let admin: u32 = next()?.parse().map_err(|_| bad())?;
        let seat = next()?.parse::<u32>().ok();
        entries.push(Entry {
            name: name.into(),
            lat,
            lon,
            cc,
            fclass,
            fcode: fcode.into(),
            population,
            admin,
            seat,
        });
    }
    Ok(entries)
}

/// Parses the admin table.
pub fn parse_admins(text: &str) -> Vec<Admins> {
    let opt = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(Box::from);
    text.lines()
        .map(|line| {
            let mut cols = line.split('\t').skip(1);
            Admins { admin1: opt(cols.next()), admin2: opt(cols.next()), admin3: opt(cols.next()) }
        })
        .collect()
}

/// Parses the postings: little-endian u32 words.
pub fn parse_postings(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Parses the border polylines (`lon lat,lon lat,...` per line).
pub fn parse_borders(text: &str) -> Vec<Vec<(f64, f64)>> {
    text.lines()
        .map(|line| {
            line.split(',')
                .filter_map(|pt| {
                    let mut it = pt.split(' ');
                    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
                })
                .collect()
        })
        .filter(|line: &Vec<(f64, f64)>| line.len() >= 2)
        .collect()
}
