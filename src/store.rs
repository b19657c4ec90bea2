//! Files attune writes: every one is written atomically (a temporary file in the
//! same folder, flushed to disk, then renamed over the target) and readable by its
//! owner only, because answers and results are personal. The data directory
//! (`ATTUNE_HOME`, else the platform's data folder) lives here too.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// The environment variable that moves attune's data directory (tests use it).
pub const HOME_VAR: &str = "ATTUNE_HOME";

/// attune's data directory: `$ATTUNE_HOME`, else the platform data folder
/// (`$XDG_DATA_HOME/attune` on Linux). Created on demand, mode 0700.
pub fn data_dir() -> Result<PathBuf> {
    let dir = match std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
        Some(home) => PathBuf::from(home),
        None => directories::ProjectDirs::from("", "", "attune")
            .map(|p| p.data_dir().to_path_buf())
            .ok_or_else(|| {
                Error::Usage(format!(
                    "cannot find a home folder for attune's data; set {HOME_VAR} to a folder"
                ))
            })?,
    };
    create_private_dir(&dir)?;
    Ok(dir)
}

/// Creates a folder (and its parents) that only the owner can enter.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::io(dir, e))
}

/// A file being written atomically; nothing appears at `target` until `commit`.
pub struct AtomicFile {
    temp: NamedTempFile,
    target: PathBuf,
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<Self> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".attune-").suffix(".tmp");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
        let temp = builder.tempfile_in(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
        })
    }

    /// Flushes to disk and renames over the target.
    pub fn commit(mut self) -> Result<()> {
        let target = self.target;
        self.temp.flush().map_err(|e| Error::io(&target, e))?;
        self.temp
            .as_file()
            .sync_all()
            .map_err(|e| Error::io(&target, e))?;
        self.temp
            .persist(&target)
            .map_err(|e| Error::io(&target, e.error))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// Writes a whole file atomically with owner-only permissions.
pub fn write_private(target: &Path, contents: &[u8]) -> Result<()> {
    let mut file = AtomicFile::create(target)?;
    file.write_all(contents).map_err(|e| Error::io(target, e))?;
    file.commit()
}

/// Opens a file for reading, naming it in the error.
pub fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| Error::io(path, e))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn writes_owner_only_and_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("answers.toml");
        write_private(&target, b"one").unwrap();
        write_private(&target, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }
}
