/* The city map: Leaflet (the webjar's global L) with a bundled district outline layer instead of a tile server. */
import * as i18n from './i18n.js';

const L = window.L;
export const CENTER = [31.228, 121.475];
export const SEVERITY_COLOUR = { EXTREME: '#d7191c', SEVERE: '#f07c00', MODERATE: '#e6c200', MINOR: '#1f78d1',
  UNKNOWN: '#777777' };

export function createMap(container) {
  const map = L.map(container, { zoomControl: true, attributionControl: false, minZoom: 10, maxZoom: 18 })
    .setView(CENTER, 12);
  const labels = [];
  fetch('/console/city-districts.json').then((r) => r.json()).then((city) => {
    L.geoJSON(city, {
      style: (feature) => feature.properties.kind === 'river'
        ? { color: '#6fa8dc', weight: 6, opacity: 0.8 }
        : { color: '#7b8794', weight: 1.5, fillColor: '#eef1f4', fillOpacity: 1 },
      interactive: false,
      onEachFeature: (feature, layer) => {
        if (feature.properties.kind !== 'district') return;
        layer.bindTooltip('', { permanent: true, direction: 'center', className: 'district-label' });
        labels.push({ layer: layer, feature: feature });
      }
    }).addTo(map);
    relabel();
    map.getPane('overlayPane').style.zIndex = 400;
  });
  function relabel() {
    labels.forEach(({ layer, feature }) => layer.setTooltipContent(
      i18n.language() === 'zh-CN' ? feature.properties.name_zh : feature.properties.name_en));
  }
  i18n.onChange(relabel);

  const markers = new Map();
  let area = null;
  let areaShown = null;   // the area last fitted into view: a new or changed cordon is brought into view once
  let pick = null;
  let pickHandler = null;
  let once = null;
  map.on('click', (e) => {
    if (once) {
      const handler = once;
      once = null;
      container.classList.remove('picking');
      handler(e.latlng.lat, e.latlng.lng);
      return;
    }
    if (!pickHandler) return;
    if (pick) pick.setLatLng(e.latlng);
    else pick = L.circleMarker(e.latlng, { radius: 7, color: '#111', weight: 2, fillColor: '#fff', fillOpacity: 1,
      dashArray: '2 2', className: 'pick-marker' }).addTo(map);
    pickHandler(e.latlng.lat, e.latlng.lng);
  });

  return {
    leaflet: map,
    /** One circle marker per incident, coloured by severity; clicking it calls onSelect(id). */
    showIncident(row, onSelect, selected) {
      const point = row.location && row.location.point;
      if (!point) return;
      const style = {
        radius: selected ? 13 : 9, color: selected ? '#111' : '#fff', weight: selected ? 3 : 2,
        fillColor: SEVERITY_COLOUR[row.severity] || SEVERITY_COLOUR.UNKNOWN, fillOpacity: 0.95,
        className: 'incident-marker sev-' + row.severity
      };
      let marker = markers.get(row.id);
      if (!marker) {
        marker = L.circleMarker([point.lat, point.lon], style).addTo(map);
        marker.on('click', (e) => { L.DomEvent.stopPropagation(e); onSelect(row.id); });
        markers.set(row.id, marker);
      } else {
        marker.setLatLng([point.lat, point.lon]);
        marker.setStyle(style);
        marker.setRadius(style.radius);
      }
      if (marker.getElement()) marker.getElement().setAttribute('data-incident', row.id);
      marker.unbindTooltip();
      marker.bindTooltip(row.number + ' · ' + i18n.label('type', row.type));
    },
    removeIncident(id) {
      const marker = markers.get(id);
      if (marker) { marker.remove(); markers.delete(id); }
    },
    keepOnly(ids) {
      Array.from(markers.keys()).filter((id) => !ids.has(id)).forEach((id) => this.removeIncident(id));
    },
    /** The affected area of the incident in the panel: a circle or a polygon, or nothing. */
    showArea(location, severity) {
      if (area) { area.remove(); area = null; }
      if (!location || !location.area) return;
      const colour = SEVERITY_COLOUR[severity] || SEVERITY_COLOUR.UNKNOWN;
      const style = { color: colour, weight: 2, dashArray: '6 4', fillColor: colour, fillOpacity: 0.15,
        className: 'affected-area', interactive: false };
      const a = location.area;
      if (a.center && a.radiusMeters) {
        area = L.circle([a.center.lat, a.center.lon], Object.assign({ radius: a.radiusMeters }, style));
      }
      else if (a.polygon) area = L.polygon(a.polygon.map((p) => [p.lat, p.lon]), style);
      if (area) {
        area.addTo(map);
        const key = JSON.stringify(a);
        if (key !== areaShown) { areaShown = key; map.fitBounds(area.getBounds(), { maxZoom: 16, padding: [40, 40] }); }
      }
    },
    focus(location) {
      if (location && location.point) map.panTo([location.point.lat, location.point.lon]);
    },
    /** While set, a click on the map calls handler(lat, lon) and shows where it was. */
    onPick(handler) {
      pickHandler = handler;
      if (pick) { pick.remove(); pick = null; }
    },
    /** The next click goes to handler(lat, lon) instead (a location for the open incident); then picking resumes. */
    pickOnce(handler) {
      once = handler;
      container.classList.toggle('picking', !!handler);
    },
    clearPick() { if (pick) { pick.remove(); pick = null; } },
    invalidate() { map.invalidateSize(); }
  };
}
