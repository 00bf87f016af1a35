//! The `sitrep` command line: a thin shell over the library crates.
//! Exit codes: 0 all inputs processed, 1 some inputs failed, 2 usage error.

mod batch;
mod demo;
mod output;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Conflict reporting in, evidence-linked ACLED-style events out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles; print them and store them in the database.
    Extract {
        /// Date that relative dates resolve against when a document carries none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Source (outlet) name for documents that carry none.
        #[arg(long)]
        source: Option<String>,
        #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
        format: EventFormat,
        /// SQLite database to store documents and events in.
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
        /// Print only; do not touch the database.
        #[arg(long)]
        no_store: bool,
        /// Files, directories (recursive) or `-` for stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// List the places each document names, with coordinates.
    Places {
        #[arg(long, value_enum, default_value_t = PlacesFormat::Jsonl)]
        format: PlacesFormat,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Run the whole pipeline on the bundled example articles and print the events.
    Demo {
        #[arg(long, default_value = "sitrep.db")]
        db: PathBuf,
    },
    /// Score a pipeline stage against a gold file.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Geoparsing: toponym recall/precision, accuracy within 161 km, median error.
    Geo {
        file: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Event coding: detection, type/sub-type, location, fatalities, actors, dates.
    Events {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Main-content extraction on the article-extraction benchmark layout
    /// (a directory with ground-truth.json and html/<id>.html.gz).
    Html {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EventFormat {
    Jsonl,
    Csv,
    Geojson,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PlacesFormat {
    Jsonl,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a valid YYYY-MM-DD date ({e})"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => status,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let summary = match cli.command {
        Command::Extract {
            published,
            source,
            format,
            db,
            no_store,
            inputs,
        } => {
            let opts = sitrep_ingest::IngestOptions { published, source };
            let db = (!no_store).then_some(db);
            batch::extract(&inputs, &opts, format, db.as_deref())?
        }
        Command::Places { format: _, inputs } => {
            batch::places(&inputs, &sitrep_ingest::IngestOptions::default())?
        }
        Command::Demo { db } => demo::run(&db)?,
        Command::Eval { what } => {
            let (path, json) = match &what {
                EvalCommand::Geo { file, json } | EvalCommand::Events { file, json } => {
                    (file, *json)
                }
                EvalCommand::Html { dir, json } => (dir, *json),
            };
            let context = || format!("evaluating {}", path.display());
            let (table, value) = match &what {
                EvalCommand::Geo { .. } => {
                    let r = sitrep_eval::geo::evaluate(path).with_context(context)?;
                    (r.table(), serde_json::to_value(&r)?)
                }
                EvalCommand::Events { .. } => {
                    let r = sitrep_eval::events::evaluate(path).with_context(context)?;
                    (r.table(), serde_json::to_value(&r)?)
                }
                EvalCommand::Html { .. } => {
                    let r = sitrep_eval::html::evaluate(path).with_context(context)?;
                    (r.table(), serde_json::to_value(&r)?)
                }
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                print!("{table}");
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    Ok(summary.exit_code())
}
