package city.beacon.infra.cap;

import city.beacon.api.incident.*;
import city.beacon.infra.cap.xml.Alert.Info.CapCategory;
import city.beacon.infra.cap.xml.Alert.Info.CapCertainty;
import city.beacon.infra.cap.xml.Alert.Info.CapResponseType;
import city.beacon.infra.cap.xml.Alert.Info.CapSeverity;
import city.beacon.infra.cap.xml.Alert.Info.CapUrgency;

import java.util.List;

/** Beacon's incident vocabulary in CAP terms and back, with the public's words in Chinese and English. */
final class CapVocabulary {
    private CapVocabulary() { }

    static List<CapCategory> categories(IncidentType type) {
        return switch (type) {
            case GAS_LEAK -> List.of(CapCategory.SAFETY, CapCategory.INFRA);
            case FIRE -> List.of(CapCategory.FIRE);
            case FLOOD -> List.of(CapCategory.MET, CapCategory.GEO);
            case TRAFFIC_ACCIDENT -> List.of(CapCategory.TRANSPORT);
            case HAZMAT -> List.of(CapCategory.CBRNE, CapCategory.ENV);
            case POWER_OUTAGE, WATER_MAIN_BREAK -> List.of(CapCategory.INFRA);
            case BUILDING_COLLAPSE -> List.of(CapCategory.SAFETY, CapCategory.RESCUE);
            case PUBLIC_SECURITY -> List.of(CapCategory.SECURITY);
            case MEDICAL -> List.of(CapCategory.HEALTH);
            case OTHER -> List.of(CapCategory.OTHER);
        };
    }

    static CapResponseType response(IncidentType type, Severity severity, boolean allClear) {
        if (allClear) {
            return CapResponseType.ALL_CLEAR;
        }
        boolean grave = severity == Severity.SEVERE || severity == Severity.EXTREME;
        return switch (type) {
            case GAS_LEAK, FIRE, BUILDING_COLLAPSE -> grave ? CapResponseType.EVACUATE : CapResponseType.AVOID;
            case HAZMAT -> CapResponseType.SHELTER;
            case FLOOD -> grave ? CapResponseType.EVACUATE : CapResponseType.PREPARE;
            case PUBLIC_SECURITY -> grave ? CapResponseType.SHELTER : CapResponseType.AVOID;
            case TRAFFIC_ACCIDENT, POWER_OUTAGE, WATER_MAIN_BREAK -> CapResponseType.AVOID;
            case MEDICAL, OTHER -> CapResponseType.MONITOR;
        };
    }

    static CapUrgency urgency(Urgency urgency) {
        return CapUrgency.valueOf(urgency.name());
    }

    static CapSeverity severity(Severity severity) {
        return CapSeverity.valueOf(severity.name());
    }

    static CapCertainty certainty(Certainty certainty) {
        return CapCertainty.valueOf(certainty.name());
    }

    static String eventZh(IncidentType type) {
        return switch (type) {
            case GAS_LEAK -> "燃气泄漏";
            case FIRE -> "火灾";
            case FLOOD -> "洪涝";
            case TRAFFIC_ACCIDENT -> "交通事故";
            case HAZMAT -> "危险化学品泄漏";
            case POWER_OUTAGE -> "停电";
            case WATER_MAIN_BREAK -> "供水管道爆裂";
            case BUILDING_COLLAPSE -> "建筑物坍塌";
            case PUBLIC_SECURITY -> "社会安全事件";
            case MEDICAL -> "突发公共卫生事件";
            case OTHER -> "突发事件";
        };
    }

    static String eventEn(IncidentType type) {
        var words = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** China's four levels: 特别重大（Ⅰ级，红色）… 一般（Ⅳ级，蓝色）. */
    static String levelZh(Severity severity) {
        return switch (severity) {
            case EXTREME -> "特别重大（Ⅰ级，红色）";
            case SEVERE -> "重大（Ⅱ级，橙色）";
            case MODERATE -> "较大（Ⅲ级，黄色）";
            case MINOR -> "一般（Ⅳ级，蓝色）";
            case UNKNOWN -> "级别待定";
        };
    }

    static String instructionZh(CapResponseType response, String radius) {
        return switch (response) {
            case EVACUATE -> "请立即撤离" + radius + "范围，远离现场，严禁明火和使用电器开关，听从现场指挥。";
            case AVOID -> "请避开" + radius + "范围，绕行并听从现场指挥。";
            case SHELTER -> "请就近进入室内，关闭门窗和通风设备，等待进一步通知。";
            case PREPARE -> "请做好撤离准备，关注后续预警。";
            case ALL_CLEAR -> "警报解除，可恢复正常活动。";
            default -> "请关注后续通知。";
        };
    }

    static String instructionEn(CapResponseType response, String radius) {
        return switch (response) {
            case EVACUATE -> "Leave the area within " + radius + " now. No open flames, do not operate electrical "
                    + "switches. Follow the instructions of the responders on site.";
            case AVOID -> "Stay out of the area within " + radius + " and follow the detours.";
            case SHELTER -> "Go indoors, close doors, windows and ventilation, and wait for further notice.";
            case PREPARE -> "Be ready to leave; watch for further warnings.";
            case ALL_CLEAR -> "All clear: normal activity may resume.";
            default -> "Watch for further notices.";
        };
    }
}
