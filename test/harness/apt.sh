# Sourced by the install-*.sh scripts: apt_install <what> <package>... installs Debian packages with
# apt-get as root, or through passwordless sudo, and explains what to do when neither is possible.
apt_install() {
  local what="$1"
  shift
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "$what is missing and installing it needs root; run as root, or: sudo apt-get update && sudo apt-get install -y $*" >&2
      return 2
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$what is missing and there is no apt-get to install Debian's $*" >&2
    return 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  echo "installing $what (apt-get update; apt-get install $*)"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@"
}
