#!/bin/sh
# Makes the installed app's class-data archive (lib/app/netwright.jsa) from the list of classes a start loads
# (lib/app/netwright.classlist, recorded when the package was built). JDK 17 ties an archive to the absolute paths
# of the jars it was made from, so it is made here, where the app is installed: the .deb's postinst runs this
# script. The launcher names the archive in its options; while there is none, or when it no longer matches the jars,
# the JVM starts without it (slower, nothing else changes).
#
#   lib/app/netwright-cds.sh            make the archive next to this script
#   lib/app/netwright-cds.sh --remove   remove it (the .deb's prerm)
set -e
app="$(cd "$(dirname "$0")" && pwd)"
archive="$app/netwright.jsa"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$archive" "$archive.part" "$app/netwright-cds.log"
  exit 0
fi
list="$app/netwright.classlist"
cfg="$(ls "$app"/*.cfg | head -1)"
java="$app/../runtime/bin/java"
[ -s "$list" ] && [ -f "$cfg" ] && [ -x "$java" ] || { echo "netwright-cds: no class list, launcher settings or runtime in $app; no archive made" >&2; exit 0; }
# The class path exactly as the launcher passes it: its app.classpath lines, in order, $APPDIR made this folder.
classpath="$(sed -n 's#^app\.classpath=\$APPDIR#'"$app"'#p' "$cfg" | paste -sd: -)"
rm -f "$archive.part"
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.part" -cp "$classpath" \
     >"$app/netwright-cds.log" 2>&1; then
  mv -f "$archive.part" "$archive"
  rm -f "$app/netwright-cds.log"
else
  rm -f "$archive.part"
  echo "netwright-cds: the archive could not be made (see $app/netwright-cds.log); the app starts without it" >&2
fi
