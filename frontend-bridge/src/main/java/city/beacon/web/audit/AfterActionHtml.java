package city.beacon.web.audit;

import city.beacon.api.audit.AfterActionReport;
import city.beacon.api.audit.AfterActionReport.Decision;
import city.beacon.api.audit.AfterActionReport.DepartmentResponse;

import java.time.Instant;
import java.util.List;

/** The after-action report as a printable page: no script, no external resource, every value escaped. */
public final class AfterActionHtml {
    private AfterActionHtml() { }

    public static String of(AfterActionReport report) {
        var incident = report.incident();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>After-action report ").append(e(report.number())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:4px;text-align:left;font-size:12px}")
                .append(".drill{color:#fff;background:#b35900;padding:2px 8px}.late{color:#b00020;font-weight:bold}")
                .append("@media print{body{margin:0}}</style></head><body>");
        html.append("<h1>After-action report: incident ").append(e(report.number()));
        if (report.drill()) {
            html.append(" <span class=\"drill\">DRILL</span>");
        }
        html.append("</h1><p>").append(e(String.valueOf(incident.type()))).append(", severity ")
                .append(e(String.valueOf(incident.severity()))).append(", status ").append(e(String.valueOf(incident.status())))
                .append(". Reported ").append(e(t(incident.reportedAt()))).append(" by ").append(e(incident.reportedBy()))
                .append(". ").append(e(incident.summary())).append("</p><p>Generated ")
                .append(e(t(report.generatedAt()))).append(" from the sealed event history.</p>");
        html.append("<h2>Departments</h2><table><tr><th>Department</th><th>Task</th><th>Requested</th>")
                .append("<th>Acknowledge by</th><th>Acknowledged</th><th>On scene</th><th>Completed</th>")
                .append("<th>Escalations</th><th>Status</th></tr>");
        for (DepartmentResponse d : report.departments()) {
            html.append("<tr><td>").append(e(d.department())).append("</td><td>").append(e(d.action()))
                    .append("</td><td>").append(e(t(d.requestedAt()))).append("</td><td>").append(e(t(d.acknowledgeBy())))
                    .append("</td><td").append(Boolean.FALSE.equals(d.onTime()) ? " class=\"late\"" : "").append(">")
                    .append(e(t(d.acknowledgedAt()))).append(d.acknowledgedInSeconds() == null ? ""
                            : " (" + d.acknowledgedInSeconds() + " s" + (Boolean.FALSE.equals(d.onTime()) ? ", late" : "") + ")")
                    .append("</td><td>").append(e(t(d.onSceneAt())))
                    .append(d.onSceneInSeconds() == null ? "" : " (" + d.onSceneInSeconds() + " s)")
                    .append("</td><td>").append(e(t(d.completedAt()))).append("</td><td>").append(d.escalations())
                    .append("</td><td>").append(e(d.finalStatus())).append("</td></tr>");
        }
        html.append("</table>");
        section(html, "Escalations", report.escalations());
        section(html, "Who decided what", report.decisions());
        html.append("<h2>Timeline</h2><ol>");
        for (String line : report.timeline()) {
            html.append("<li>").append(e(line)).append("</li>");
        }
        return html.append("</ol></body></html>").toString();
    }

    private static void section(StringBuilder html, String title, List<Decision> decisions) {
        html.append("<h2>").append(e(title)).append("</h2>");
        if (decisions.isEmpty()) {
            html.append("<p>None.</p>");
            return;
        }
        html.append("<table><tr><th>Time</th><th>Who</th><th>Role</th><th>What</th></tr>");
        for (Decision d : decisions) {
            html.append("<tr><td>").append(e(t(d.at()))).append("</td><td>").append(e(d.actor())).append("</td><td>")
                    .append(e(d.role())).append("</td><td>").append(e(d.what())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String t(Instant instant) {
        return instant == null ? "—" : instant.toString();
    }

    private static String e(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
