#!/usr/bin/env bash
# Prints the path of a JDK 25 home, or explains what to install and exits 1.
# Order: $JAVA_HOME when it is a JDK 25, then /usr/lib/jvm/temurin-25*, then any /usr/lib/jvm/*25*.
set -u

is_jdk25() {
  local home=$1
  [ -x "$home/bin/javac" ] || return 1
  local version
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "$version" = "25" ]
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
for dir in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /opt/java/openjdk; do
  [ -d "$dir" ] && candidates+=("$dir")
done

for home in "${candidates[@]}"; do
  if is_jdk25 "$home"; then
    echo "$home"
    exit 0
  fi
done

cat >&2 <<'TEXT'
No JDK 25 found. DishtaYantra builds with Java 25.
Install one, for example Eclipse Temurin 25 (package temurin-25-jdk from the Adoptium
repository, or a tarball unpacked under /usr/lib/jvm), then run make again,
or point JAVA_HOME at an existing JDK 25: make JAVA_HOME=/path/to/jdk-25 test
TEXT
exit 1
