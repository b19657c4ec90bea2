//! `attune new`: a commented questionnaire scaffold that passes `attune check`,
//! so an author starts from something valid and edits it.

use crate::cli::NewArgs;
use crate::commands::Context;
use crate::error::{Error, Result};

const SCAFFOLD: &str = include_str!("new_scaffold.toml");

/// A questionnaire id from a file name: lowercase letters, digits and hyphens.
fn id_from(name: &str) -> String {
    let id: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "my-questionnaire".to_string()
    } else {
        id
    }
}

pub fn run(context: &Context, args: NewArgs) -> Result<()> {
    if args.path.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} already exists; choose another path or pass --force to overwrite it",
            args.path.display()
        )));
    }
    let id = match args.id {
        Some(id) => id_from(&id),
        None => id_from(
            &args
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        ),
    };
    let text = SCAFFOLD.replace("my-questionnaire", &id);
    std::fs::write(&args.path, text).map_err(|e| Error::io(&args.path, e))?;
    if !context.quiet {
        eprintln!(
            "Wrote {}. Edit it, then run `attune check {}`; try it with `attune take {}`.",
            args.path.display(),
            args.path.display(),
            args.path.display()
        );
    }
    Ok(())
}
