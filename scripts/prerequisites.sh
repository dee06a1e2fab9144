# Installs Debian packages the system needs, when missing. Sourced by start.sh and test.sh.

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo "Installing $* (Debian packages)…"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgresql() {
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        apt_install postgresql
    fi
}

ensure_chromium() {
    if ! command -v chromium >/dev/null 2>&1; then
        apt_install chromium
    fi
}

# LibreOffice (Writer, no GUI) lets the export tests check that generated .docx files open and convert.
ensure_libreoffice() {
    if ! command -v soffice >/dev/null 2>&1; then
        apt_install libreoffice-writer-nogui
    fi
}
