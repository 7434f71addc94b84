//! The gazetteer's in-memory tables, read from the compact shipped files.

use std::io::Read;

use crate::{Error, Result};

/// High bit of a posting: the name is an alternate, not the place's preferred name.
pub const ALT_FLAG: u32 = 1 << 31;

/// One gazetteer entry: a populated place, a feature, or an admin unit located at its seat.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Preferred name.
    pub name: &'static str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// ISO alpha-2 country code.
    pub cc: [u8; 2],
    /// GeoNames feature class (`P`, `A`, `H`, `T`, `S`, `L`, `V`, `R`, `U`).
    pub fclass: u8,
    /// GeoNames feature code (`PPL`, `PPLC`, `ADM1`...).
    pub fcode: &'static str,
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
        match self.fcode {
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

/// Magic bytes of the binary places table.
pub const PLACES_MAGIC: &[u8; 4] = b"TPL1";

/// Bytes per entry record in the binary places table.
pub const RECORD_BYTES: usize = 30;

/// Reads the binary places table (written by [`crate::build`]).
///
/// Layout, little-endian: magic `TPL1`; `u32` entry count; `u32` name blob length; `u8`
/// feature code count, then each code as `u8` length and bytes; the UTF-8 name blob; then
/// one 30-byte record per entry: name offset `u32`, name length `u16`, country code 2
/// bytes, feature class `u8`, feature code index `u8`, latitude and longitude `i32` in
/// 1e-5 degrees, population `u32`, admin tuple `u32`, seat `u32` (`u32::MAX` for none).
pub fn parse_entries(bytes: &'static [u8]) -> Result<Vec<Entry>> {
    let bad = |what: &str| Error::Data(format!("places table: {what}"));
    let mut pos = 0usize;
    let mut take = |n: usize| -> Result<&'static [u8]> {
        let slice = bytes.get(pos..pos + n).ok_or_else(|| bad("truncated"))?;
        pos += n;
        Ok(slice)
    };
    if take(4)? != PLACES_MAGIC {
        return Err(bad("bad magic"));
    }
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let n_entries = u32_at(take(4)?, 0) as usize;
    let names_len = u32_at(take(4)?, 0) as usize;
    let n_codes = take(1)?[0] as usize;
    let mut codes: Vec<&'static str> = Vec::with_capacity(n_codes);
    for _ in 0..n_codes {
        let len = take(1)?[0] as usize;
        codes.push(std::str::from_utf8(take(len)?).map_err(|_| bad("feature code"))?);
    }
    let names = std::str::from_utf8(take(names_len)?).map_err(|_| bad("names are not UTF-8"))?;
    let records = take(n_entries * RECORD_BYTES)?;
    let mut entries = Vec::with_capacity(n_entries);
    for r in records.chunks_exact(RECORD_BYTES) {
        let offset = u32_at(r, 0) as usize;
        let len = u16::from_le_bytes([r[4], r[5]]) as usize;
        let name = names.get(offset..offset + len).ok_or_else(|| bad("name out of range"))?;
        let fcode = codes.get(r[9] as usize).copied().ok_or_else(|| bad("feature code index"))?;
        let lat = i32::from_le_bytes([r[10], r[11], r[12], r[13]]) as f64 / 1e5;
        let lon = i32::from_le_bytes([r[14], r[15], r[16], r[17]]) as f64 / 1e5;
        let seat = u32_at(r, 26);
        entries.push(Entry {
            name,
            lat,
            lon,
            cc: [r[6], r[7]],
            fclass: r[8],
            fcode,
            population: u32_at(r, 18),
            admin: u32_at(r, 22),
            seat: (seat != u32::MAX).then_some(seat),
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

/// The postings: little-endian u32 words, read in place.
#[derive(Debug, Clone)]
pub struct Postings(pub std::borrow::Cow<'static, [u8]>);

impl Postings {
    /// The word at `index`, if any.
    pub fn get(&self, index: usize) -> Option<u32> {
        let b = self.0.get(index * 4..index * 4 + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
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
