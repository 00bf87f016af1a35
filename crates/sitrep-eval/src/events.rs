//! `sitrep eval events`.

use crate::geo::EvalError;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Serialize, Default)]
pub struct Report {
    pub documents: usize,
}

impl Report {
    pub fn table(&self) -> String {
        format!("documents: {}\n", self.documents)
    }
}

pub fn evaluate(path: &Path) -> Result<Report, EvalError> {
    let _ = std::fs::metadata(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(Report::default())
}
