# Installs what building Tinq needs and the machine may lack: libedit's headers (Debian's
# libedit-dev). Sourced by the other scripts; safe to run again.
if ! pkg-config --exists libedit 2>/dev/null || [ ! -f /usr/include/editline/readline.h ]; then
  echo "tinq: installing libedit-dev (needed for the REPL)..." >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libedit-dev pkg-config >&2
fi
