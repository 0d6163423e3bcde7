package city.beacon.infra.cap;

import city.beacon.api.incident.*;
import city.beacon.infra.cap.xml.Alert;
import city.beacon.infra.cap.xml.Alert.Info;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An incident's public warning as a CAP 1.2 alert: the latest issued warning (Alert, Update with references to the
 * earlier ones, or Cancel), or a preview when none was issued yet. Two info blocks, zh-CN then en-US, with the same
 * classification; the area is the incident's affected circle or polygon, or its point.
 */
final class CapAlertWriter {
    static final String TYPE_CODE = "BEACON_INCIDENT_TYPE";
    private final String sender;
    private final String identifierPrefix;
    private final ZoneId zone;

    CapAlertWriter(String sender, String identifierPrefix, ZoneId zone) {
        this.sender = sender;
        this.identifierPrefix = identifierPrefix;
        this.zone = zone;
    }

    Alert write(IncidentView incident, List<PublicWarningView> warnings, Instant now) {
        var latest = warnings.isEmpty() ? null : warnings.get(warnings.size() - 1);
        var alert = new Alert();
        alert.setIdentifier(latest != null ? latest.alertIdentifier()
                : identifierPrefix + "." + incident.number() + ".preview");
        alert.setSender(sender);
        alert.setSent(at(latest != null ? latest.issuedAt() : now));
        alert.setStatus(incident.drill() ? Alert.CapStatus.EXERCISE : Alert.CapStatus.ACTUAL);
        var kind = latest == null ? AlertKind.ALERT : latest.kind();
        alert.setMsgType(Alert.CapMsgType.valueOf(kind.name()));
        alert.setScope(Alert.CapScope.PUBLIC);
        if (latest != null && warnings.size() > 1) {
            var references = new ArrayList<String>();
            for (var earlier : warnings.subList(0, warnings.size() - 1)) {
                references.add(sender + "," + earlier.alertIdentifier() + "," + CapDateTimes.format(at(earlier.issuedAt())));
            }
            alert.setReferences(String.join(" ", references));
        }
        alert.setIncidents(incident.id());
        boolean allClear = kind == AlertKind.CANCEL;
        if (allClear) {
            alert.setNote(incident.cancelReason() != null
                    ? "Incident cancelled: " + XmlText.safe(incident.cancelReason())
                    : "Incident " + incident.status().name().toLowerCase(Locale.ROOT));
        }
        alert.getInfo().add(info(incident, true, allClear));
        alert.getInfo().add(info(incident, false, allClear));
        return alert;
    }

    private Info info(IncidentView incident, boolean chinese, boolean allClear) {
        var info = new Info();
        var type = incident.type();
        var response = CapVocabulary.response(type, incident.severity(), allClear);
        var radius = radiusText(incident.location(), chinese);
        info.setLanguage(chinese ? "zh-CN" : "en-US");
        info.getCategory().addAll(CapVocabulary.categories(type));
        info.setEvent(chinese ? CapVocabulary.eventZh(type) : CapVocabulary.eventEn(type));
        info.getResponseType().add(response);
        info.setUrgency(CapVocabulary.urgency(allClear ? Urgency.PAST : incident.urgency()));
        info.setSeverity(CapVocabulary.severity(incident.severity()));
        info.setCertainty(CapVocabulary.certainty(incident.certainty()));
        var code = new Info.EventCode();
        code.setValueName(TYPE_CODE);
        code.setValue(type.name());
        info.getEventCode().add(code);
        info.setSenderName(chinese ? "城市应急指挥中心" : "City Emergency Command Center");
        var place = placeName(incident.location());
        info.setHeadline(chinese
                ? (allClear ? "【解除】" : "") + CapVocabulary.eventZh(type) + " " + CapVocabulary.levelZh(incident.severity())
                + "：" + place
                : (allClear ? "ALL CLEAR: " : "") + CapVocabulary.eventEn(type) + " (" + title(incident.severity())
                + ") at " + place);
        info.setDescription(XmlText.safe(incident.summary()));
        info.setInstruction(chinese ? CapVocabulary.instructionZh(response, radius)
                : CapVocabulary.instructionEn(response, radius));
        info.getArea().add(area(incident.location()));
        return info;
    }

    private static Info.Area area(Location location) {
        var area = new Info.Area();
        area.setAreaDesc(placeName(location));
        var affected = location.area();
        if (affected != null && affected.polygon() != null) {
            var ring = new ArrayList<>(affected.polygon());
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                ring.add(ring.get(0));   // CAP polygons are closed rings
            }
            var pairs = new ArrayList<String>();
            ring.forEach(point -> pairs.add(pair(point)));
            area.getPolygon().add(String.join(" ", pairs));
        } else {
            var center = affected != null ? affected.center() : location.point();
            double km = affected != null ? affected.radiusMeters() / 1000.0 : 0;
            area.getCircle().add(pair(center) + " " + number(km));
        }
        return area;
    }

    private static String radiusText(Location location, boolean chinese) {
        var area = location.area();
        if (area == null || area.radiusMeters() == null) {
            return chinese ? "警戒区域" : "the cordon";
        }
        return Math.round(area.radiusMeters()) + (chinese ? "米" : " m");
    }

    private static String placeName(Location location) {
        return location.address() != null ? XmlText.safe(location.address()) : pair(location.point());
    }

    private static String title(Severity severity) {
        var name = severity.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String pair(GeoPoint point) {
        return number(point.lat()) + "," + number(point.lon());
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime();
    }
}
