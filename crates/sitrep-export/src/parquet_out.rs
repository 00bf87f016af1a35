//! Parquet: one row per event, typed columns named and ordered like the CSV
//! (ACLED's columns, then sitrep's extras). Written uncompressed: no C
//! codecs to build, and a reader needs nothing special.

use crate::Result;
use arrow_array::builder::{Float32Builder, Float64Builder, Int32Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use sitrep_model::Event;
use std::io::Write;
use std::sync::Arc;

/// Rows buffered before a record batch is written.
const BATCH_ROWS: usize = 8192;

/// Columns that are not text, with their types; every other column is text.
fn column_type(name: &str) -> DataType {
    match name {
        "year" | "time_precision" | "inter1" | "inter2" | "interaction" | "geo_precision"
        | "fatalities" | "wounded" => DataType::Int32,
        "latitude" | "longitude" => DataType::Float64,
        "confidence" => DataType::Float32,
        _ => DataType::Utf8,
    }
}

/// The Parquet schema: [`sitrep_model::ACLED_COLUMNS`], nullable, typed.
pub fn parquet_schema() -> Arc<Schema> {
    Arc::new(Schema::new(
        sitrep_model::ACLED_COLUMNS
            .iter()
            .map(|name| Field::new(*name, column_type(name), true))
            .collect::<Vec<_>>(),
    ))
}

pub struct ParquetEvents<W: Write + Send> {
    writer: ArrowWriter<W>,
    pending: Vec<Event>,
}

impl<W: Write + Send> ParquetEvents<W> {
    pub fn new(out: W) -> Result<Self> {
        Ok(ParquetEvents {
            writer: ArrowWriter::try_new(out, parquet_schema(), None)?,
            pending: Vec::new(),
        })
    }

    pub fn write(&mut self, events: &[Event]) -> Result<()> {
        self.pending.extend_from_slice(events);
        if self.pending.len() >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = record_batch(&self.pending)?;
        self.writer.write(&batch)?;
        self.pending.clear();
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.flush_batch()?;
        self.writer.close()?;
        Ok(())
    }
}

/// The events as one record batch. Text columns take the CSV's cell (so the
/// two formats agree), numeric columns are parsed from it, and an empty
/// cell is null.
fn record_batch(events: &[Event]) -> Result<RecordBatch> {
    let schema = parquet_schema();
    let rows: Vec<Vec<String>> = events.iter().map(Event::csv_row).collect();
    let columns: Vec<ArrayRef> = schema
        .fields()
        .iter()
        .enumerate()
        .map(|(i, field)| column(field.data_type(), rows.iter().map(|r| r[i].as_str())))
        .collect();
    Ok(RecordBatch::try_new(schema, columns)?)
}

fn column<'a>(data_type: &DataType, cells: impl Iterator<Item = &'a str>) -> ArrayRef {
    fn non_empty(cell: &str) -> Option<&str> {
        (!cell.is_empty()).then_some(cell)
    }
    match data_type {
        DataType::Int32 => {
            let mut b = Int32Builder::new();
            cells.for_each(|c| b.append_option(non_empty(c).and_then(|c| c.parse().ok())));
            Arc::new(b.finish())
        }
        DataType::Float64 => {
            let mut b = Float64Builder::new();
            cells.for_each(|c| b.append_option(non_empty(c).and_then(|c| c.parse().ok())));
            Arc::new(b.finish())
        }
        DataType::Float32 => {
            let mut b = Float32Builder::new();
            cells.for_each(|c| b.append_option(non_empty(c).and_then(|c| c.parse().ok())));
            Arc::new(b.finish())
        }
        _ => {
            let mut b = StringBuilder::new();
            cells.for_each(|c| b.append_option(non_empty(c)));
            Arc::new(b.finish())
        }
    }
}

/// Reads a Parquet file back with the parquet crate's row reader — a
/// different code path from the Arrow writer — as (column, value) pairs per
/// row, values rendered as text. Used to check files sitrep wrote.
pub fn read_parquet_rows(file: std::fs::File) -> Result<Vec<Vec<(String, String)>>> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(file)?;
    let mut rows = Vec::new();
    for row in reader.get_row_iter(None)? {
        let row = row?;
        rows.push(
            row.get_column_iter()
                .map(|(name, field)| (name.clone(), field.to_string()))
                .collect(),
        );
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{EventType, Evidence};

    #[test]
    fn parquet_reads_back_with_the_row_reader() {
        let mut e = Event {
            event_id: "e1".into(),
            doc_id: "d1".into(),
            event_type: Some(EventType::Battles),
            fatalities: Some(9),
            latitude: Some(12.18),
            longitude: Some(13.86),
            location: Some("Monguno".into()),
            confidence: 0.8,
            ..Default::default()
        };
        e.evidence
            .insert("fatalities".into(), Evidence::text_span(10, 14, "nine"));
        let other = Event {
            event_id: "e2".into(),
            doc_id: "d1".into(),
            ..Default::default()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        let mut w = crate::EventWriter::new(
            crate::Format::Parquet,
            std::fs::File::create(&path).unwrap(),
        )
        .unwrap();
        w.write(&[e, other]).unwrap();
        w.finish().unwrap();
        let rows = read_parquet_rows(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(rows.len(), 2);
        let get = |row: &Vec<(String, String)>, k: &str| {
            row.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(get(&rows[0], "event_id_cnty"), "\"e1\"");
        assert_eq!(get(&rows[0], "event_type"), "\"Battles\"");
        assert_eq!(get(&rows[0], "fatalities"), "9");
        assert_eq!(get(&rows[0], "latitude"), "12.18");
        assert!(get(&rows[0], "evidence").contains("nine"));
        assert_eq!(get(&rows[1], "fatalities"), "null");
        assert_eq!(rows[0].len(), sitrep_model::ACLED_COLUMNS.len());
    }
}
