import Foundation
import TicketTrainerCore

/// A self-assessment report of one attempt, as Markdown, one self-contained HTML page
/// (inline CSS and an SVG chart), CSV for a spreadsheet, or JSON.
public struct AttemptReport: Sendable {
    /// One answered field of the attempt.
    public struct Row: Sendable {
        public var ticket: Int
        public var scenario: String
        public var field: String
        public var given: String?
        public var expected: String
        public var correct: Bool
        public var rule: String?

        public init(
            ticket: Int, scenario: String, field: String, given: String?, expected: String,
            correct: Bool, rule: String?
        ) {
            self.ticket = ticket
            self.scenario = scenario
            self.field = field
            self.given = given
            self.expected = expected
            self.correct = correct
            self.rule = rule
        }
    }

    public var trainee: String
    public var lesson: String
    public var mode: QuizMode
    public var date: Date
    public var finished: Bool
    public var passed: Bool?
    public var rows: [Row]
    public var strings: Strings
    /// The lesson's names of its fields in the interface's language, by field id, for the
    /// pages people read; CSV and JSON keep the ids. A field not listed shows its id.
    public var fieldNames: [String: String] = [:]

    public init(
        trainee: String, lesson: String, mode: QuizMode, date: Date, finished: Bool,
        passed: Bool?, rows: [Row], strings: Strings
    ) {
        self.trainee = trainee
        self.lesson = lesson
        self.mode = mode
        self.date = date
        self.finished = finished
        self.passed = passed
        self.rows = rows
        self.strings = strings
    }

    var score: Score { Score(points: rows.filter(\.correct).count, possible: rows.count) }

    /// A field as a reader sees it: the lesson's name for it where known.
    private func shown(_ field: String) -> String { fieldNames[field] ?? field }

    /// Right and total per field, in the order the fields first appear.
    var byField: [(field: String, score: Score)] {
        var order: [String] = []
        for row in rows where !order.contains(row.field) { order.append(row.field) }
        return order.map { field in
            let answered = rows.filter { $0.field == field }
            return (
                field, Score(points: answered.filter(\.correct).count, possible: answered.count)
            )
        }
    }

    var verdict: String {
        guard finished, let passed else {
            return strings.language == .romanian ? "neterminat" : "unfinished"
        }
        return passed ? strings.passed : strings.failed
    }

    var dateText: String { DateText().minute(date) }

    var romanian: Bool { strings.language == .romanian }

    // MARK: - Markdown

    public func markdown() -> String {
        var lines = [
            "# " + (romanian ? "Raport: " : "Report: ") + "\(trainee), \(lesson)",
            "",
            "- " + (romanian ? "Data" : "Date") + ": \(dateText)",
            "- " + (romanian ? "Mod" : "Mode") + ": \(mode.rawValue)",
            "- " + strings.scoreLine(score),
            "- " + (romanian ? "Rezultat" : "Outcome") + ": \(verdict)",
            "",
            "| " + (romanian ? "câmp" : "field") + " | " + (romanian ? "corecte" : "right")
                + " | % |",
            "| --- | --- | --- |",
        ]
        for (field, score) in byField {
            let percent = strings.formatPercent(score.percent)
            lines.append(
                "| \(shown(field)) | \(score.points)/\(score.possible) | \(percent) |"
            )
        }
        lines += [
            "", "| # | " + headers.joined(separator: " | ") + " |",
            "|" + String(repeating: " --- |", count: headers.count + 1),
        ]
        for row in rows {
            let cells = [
                "\(row.ticket)", row.scenario, shown(row.field), row.given ?? "-", row.expected,
                row.correct ? "✓" : "✗", row.rule ?? "-",
            ].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var headers: [String] {
        romanian
            ? ["scenariu", "câmp", "răspuns", "corect", "ok", "regula"]
            : ["scenario", "field", "given", "right", "ok", "rule"]
    }

    // MARK: - CSV

    /// RFC 4180: comma-separated, every text quoted, CRLF line ends.
    public func csv() -> String {
        let header = ["ticket", "scenario", "field", "given", "expected", "correct", "rule"]
        let lines =
            [header]
            + rows.map { row in
                [
                    "\(row.ticket)", row.scenario, row.field, row.given ?? "", row.expected,
                    row.correct ? "1" : "0", row.rule ?? "",
                ]
            }
        return lines.map { cells in
            cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - JSON

    public func json() -> String {
        let object: [String: Any] = [
            "trainee": trainee, "lesson": lesson, "mode": mode.rawValue,
            "date": ISO8601DateFormatter().string(from: date), "finished": finished,
            "passed": passed ?? NSNull(), "score": score.points, "max": score.possible,
            "fields": byField.map {
                ["field": $0.field, "right": $0.score.points, "total": $0.score.possible]
            },
            "questions": rows.map { row -> [String: Any] in
                [
                    "ticket": row.ticket, "id": row.scenario, "field": row.field,
                    "given": row.given ?? NSNull(), "expected": row.expected,
                    "correct": row.correct, "rule": row.rule ?? NSNull(),
                ]
            },
        ]
        return JSONText.render(object)
    }

    // MARK: - HTML

    /// One page, nothing fetched: styles inline, the per-field chart drawn in SVG.
    public func html() -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(
                of: "\"", with: "&quot;")
        }
        let bars = byField.enumerated().map { index, entry in
            let y = 10 + index * 34
            let width = Int(entry.score.percent * 3)
            let percent = strings.formatPercent(entry.score.percent)
            return """
                <text x="0" y="\(y + 17)">\(escape(shown(entry.field)))</text>\
                <rect x="110" y="\(y)" width="300" height="22" fill="#e5e7eb"/>\
                <rect x="110" y="\(y)" width="\(width)" height="22" fill="#2563eb"/>\
                <text x="420" y="\(y + 17)">\(escape(percent))</text>
                """
        }.joined(separator: "\n")
        let tableRows = rows.map { row in
            let cells = [
                "\(row.ticket)", row.scenario, shown(row.field), row.given ?? "–", row.expected,
                row.correct ? "✓" : "✗", row.rule ?? "–",
            ]
            return "<tr class=\"\(row.correct ? "ok" : "bad")\">"
                + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let verdictClass = passed == true ? "ok" : "bad"
        let chartLabel = romanian ? "corecte pe câmpuri" : "right answers by field"
        let headerCells = headers.map { "<th>\(escape($0))</th>" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="\(strings.language.rawValue)"><head><meta charset="utf-8">
            <title>\(escape(lesson)): \(escape(trainee))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 56rem;
                   color: #111827; }
            h1 { font-size: 1.4rem; } .ok { color: #166534; } .bad { color: #991b1b; }
            table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
            th, td { border-bottom: 1px solid #e5e7eb; padding: .3rem .5rem; text-align: left; }
            tr.bad td:nth-child(4) { font-weight: 600; }
            svg text { font: 13px system-ui, sans-serif; fill: #111827; }
            @media print { body { margin: 0; } }
            </style></head><body>
            <h1>\(escape(lesson)): \(escape(trainee))</h1>
            <p>\(escape(dateText)) · \(escape(mode.rawValue)) ·
            \(escape(strings.scoreLine(score))) ·
            <strong class="\(verdictClass)">\(escape(verdict))</strong></p>
            <svg width="480" height="\(20 + byField.count * 34)" role="img"
                 aria-label="\(escape(chartLabel))">
            \(bars)
            </svg>
            <table><thead><tr><th>#</th>\(headerCells)</tr></thead>
            <tbody>
            \(tableRows)
            </tbody></table>
            </body></html>
            """
    }
}
