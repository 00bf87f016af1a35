//! Output writers for events (JSON Lines, ACLED CSV, GeoJSON) and places.

use crate::EventFormat;
use anyhow::Result;
use sitrep_model::{Event, ACLED_COLUMNS};
use sitrep_pipeline::DocPlaces;
use std::io::Write;

pub enum EventWriter<W: Write> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
    /// GeoJSON streams features between a header and a footer.
    GeoJson {
        out: W,
        first: bool,
    },
}

impl<W: Write> EventWriter<W> {
    pub fn new(format: EventFormat, mut out: W) -> Result<Self> {
        Ok(match format {
            EventFormat::Jsonl => EventWriter::Jsonl(out),
            EventFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(ACLED_COLUMNS)?;
                EventWriter::Csv(Box::new(w))
            }
            EventFormat::Geojson => {
                out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
                EventWriter::GeoJson { out, first: true }
            }
        })
    }

    pub fn write(&mut self, events: &[Event]) -> Result<()> {
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
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        match self {
            EventWriter::Jsonl(mut out) => out.flush()?,
            EventWriter::Csv(mut w) => w.flush()?,
            EventWriter::GeoJson { mut out, .. } => {
                out.write_all(b"\n]}\n")?;
                out.flush()?;
            }
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

pub struct PlacesWriter<W: Write> {
    out: W,
}

impl<W: Write> PlacesWriter<W> {
    pub fn new(out: W) -> Self {
        PlacesWriter { out }
    }
    pub fn write(&mut self, doc: &DocPlaces) -> Result<()> {
        serde_json::to_writer(&mut self.out, doc)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }
}
