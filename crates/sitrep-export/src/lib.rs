//! sitrep's output formats: events as JSON Lines, ACLED-compatible CSV,
//! GeoJSON and Parquet, and generic JSON Lines for other records.
//! `extract` and `export` share these writers, so a file is the same
//! whichever command wrote it.

mod parquet_out;

use serde::Serialize;
use sitrep_model::{Event, ACLED_COLUMNS};
use std::io::Write;

pub use parquet_out::{parquet_schema, read_parquet_rows};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

pub type Result<T> = std::result::Result<T, ExportError>;

/// The event formats sitrep writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    /// ACLED's columns in ACLED's order, then sitrep's extras.
    Csv,
    /// A FeatureCollection of the events that have coordinates.
    Geojson,
    /// One row per event, typed columns in the CSV's order (evidence as JSON).
    Parquet,
}

/// Writes events in one format; call [`EventWriter::finish`] at the end.
pub enum EventWriter<W: Write + Send> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
    /// GeoJSON streams features between a header and a footer.
    GeoJson {
        out: W,
        first: bool,
    },
    Parquet(Box<parquet_out::ParquetEvents<W>>),
}

impl<W: Write + Send> EventWriter<W> {
    pub fn new(format: Format, mut out: W) -> Result<Self> {
        Ok(match format {
            Format::Jsonl => EventWriter::Jsonl(out),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(ACLED_COLUMNS)?;
                EventWriter::Csv(Box::new(w))
            }
            Format::Geojson => {
                out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
                EventWriter::GeoJson { out, first: true }
            }
            Format::Parquet => {
                EventWriter::Parquet(Box::new(parquet_out::ParquetEvents::new(out)?))
            }
        })
    }

    pub fn write(&mut self, events: &[Event]) -> Result<()> {
        if let EventWriter::Parquet(w) = self {
            return w.write(events);
        }
        for event in events {
            match self {
                EventWriter::Jsonl(out) => {
                    serde_json::to_writer(&mut *out, event)?;
                    out.write_all(b"\n")?;
                }
                EventWriter::Csv(w) => w.write_record(event.csv_row())?,
                EventWriter::GeoJson { out, first } => {
                    let Some(feature) = geojson_feature(event) else {
                        continue;
                    };
                    if !*first {
                        out.write_all(b",\n")?;
                    }
                    *first = false;
                    serde_json::to_writer(&mut *out, &feature)?;
                }
                EventWriter::Parquet(_) => {}
            }
        }
        Ok(())
    }

    /// [`EventWriter::write`] for events whose JSON records were made
    /// already (`records[i]` is `events[i]` serialised): JSON Lines writes
    /// them as they are instead of serialising again.
    pub fn write_encoded<R: AsRef<str>>(&mut self, events: &[Event], records: &[R]) -> Result<()> {
        match self {
            EventWriter::Jsonl(out) if records.len() == events.len() => {
                for record in records {
                    out.write_all(record.as_ref().as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            }
            _ => self.write(events),
        }
    }

    pub fn finish(self) -> Result<()> {
        match self {
            EventWriter::Jsonl(mut out) => out.flush()?,
            EventWriter::Csv(mut w) => w.flush()?,
            EventWriter::GeoJson { mut out, .. } => {
                out.write_all(b"\n]}\n")?;
                out.flush()?;
            }
            EventWriter::Parquet(w) => w.finish()?,
        }
        Ok(())
    }
}

/// A GeoJSON Feature for a located event (RFC 7946: [lon, lat]); None when
/// the event has no coordinates.
pub fn geojson_feature(event: &Event) -> Option<serde_json::Value> {
    let (lat, lon) = (event.latitude?, event.longitude?);
    let properties = serde_json::to_value(event).ok()?;
    Some(serde_json::json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }))
}

/// Any serialisable record, one JSON document per line.
pub struct JsonLines<W: Write> {
    out: W,
}

impl<W: Write> JsonLines<W> {
    pub fn new(out: W) -> Self {
        JsonLines { out }
    }
    pub fn write<T: Serialize>(&mut self, record: &T) -> Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }
    pub fn finish(mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}
