#!/bin/sh
# Re-vendor the map page's JavaScript (headwater serve /explore) from npm into src/headwater/serve/static/.
# Nothing is fetched at run time: the app serves these files itself, under a CSP of script-src 'self'.
# Usage: scripts/vendor_leaflet.sh [LEAFLET_VERSION] [MARKERCLUSTER_VERSION]
# Versions vendored now: see src/headwater/serve/static/VERSIONS.
set -eu
LEAFLET=${1:-1.9.4}
CLUSTER=${2:-1.5.3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/src/headwater/serve/static"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" >/dev/null
mkdir leaflet cluster
tar -xzf "leaflet-$LEAFLET.tgz" -C leaflet --strip-components=1
tar -xzf "leaflet.markercluster-$CLUSTER.tgz" -C cluster --strip-components=1
mkdir -p "$DEST/leaflet" "$DEST/markercluster"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE "$DEST/leaflet/"
cp cluster/dist/leaflet.markercluster.js cluster/dist/MarkerCluster.css cluster/dist/MarkerCluster.Default.css \
   cluster/MIT-LICENCE.txt "$DEST/markercluster/"
{
  echo "leaflet $LEAFLET (npm; BSD-2-Clause; sha256 of the npm tarball: $(sha256sum "leaflet-$LEAFLET.tgz" | cut -d' ' -f1))"
  echo "leaflet.markercluster $CLUSTER (npm; MIT; sha256 of the npm tarball: $(sha256sum "leaflet.markercluster-$CLUSTER.tgz" | cut -d' ' -f1))"
  echo "re-vendor with scripts/vendor_leaflet.sh"
} > "$DEST/VERSIONS"
echo "vendored into $DEST:"
cat "$DEST/VERSIONS"
