import Foundation
import TicketTrainerCore
import TicketTrainerFormats
import TicketTrainerTerminal

/// `ticket-trainer validate` and `ticket-trainer explain`: the trainer's tools.
struct TrainerCommandLine {
    let options: Options
    let language: Language

    func run() -> Int32 {
        switch options.command {
        case .explain: explain()
        default: validate()
        }
    }

    /// The files to check: those named, else the bundled ones; the bundled lessons join
    /// when only scenario files are named, so they can be checked against their lesson.
    private func paths() -> [String]? {
        let named = options.arguments + options.lessonPaths + options.scenarioPaths
        let bundled = BundledFiles.root()
        if named.isEmpty {
            guard let bundled else {
                Diagnostics.fail(
                    "cannot find the bundled Lessons and Scenarios folders",
                    note: "name the files to check, or set TICKET_TRAINER_HOME")
                return nil
            }
            return [bundled + "/Lessons", bundled + "/Scenarios"]
        }
        return named
    }

    /// Loads the files; when none of them is a lesson, the bundled lessons join so that
    /// a trainer's scenario file is checked against the lesson it names.
    private func loadCourse() -> Course? {
        guard let paths = paths() else { return nil }
        let bundledLessons = BundledFiles.root().map { [$0 + "/Lessons"] } ?? []
        let course = CourseLoader().load(paths, fallbackLessons: bundledLessons)
        guard
            course.filesMatchTheirOptions(
                lessonPaths: options.lessonPaths, scenarioPaths: options.scenarioPaths)
        else { return nil }
        return course
    }

    // MARK: - validate

    private func validate() -> Int32 {
        guard let course = loadCourse() else { return 2 }

        // A trainer checking only a scenario file gets the bundled lesson to check it with,
        // but not that lesson's own warnings: they are about the lesson, not the file.
        let named = options.arguments + options.lessonPaths + options.scenarioPaths
        let lessonJoinedUnasked =
            !named.isEmpty
            && !course.lessonFiles.contains { Course.file($0, isUnder: named) }

        var findings = course.diagnostics
        var coverage: [(lesson: Lesson, rule: Rule, scenarios: Int)] = []
        for lesson in course.lessons {
            let banks = course.banks.filter { $0.lessonID == lesson.id }
            let analysis = TableAnalysis(lesson: lesson)
            findings += analysis.findings().filter {
                !lessonJoinedUnasked || $0.severity == .error
            }
            let audit = ScenarioAudit(lesson: lesson).audit(banks)
            findings += audit.findings
            guard !banks.isEmpty else { continue }
            for (rule, count) in audit.coverage {
                coverage.append((lesson, rule, count))
                if count == 0 {
                    findings.append(
                        .warning(
                            at: rule.origin ?? SourceLocation(file: "", line: 1, column: 1),
                            "no scenario exercises rule '\(rule.id)'",
                            note: "add a scenario whose facts fire it"))
                }
            }
        }
        findings.sort {
            ($0.location, $0.severity == .error ? 0 : 1) < (
                $1.location, $1.severity == .error ? 0 : 1
            )
        }

        if options.format == "json" || options.json {
            Console.output.line(
                ValidationJSON.render(findings, coverage: coverage, files: course.files))
        } else {
            printText(findings, coverage: coverage, files: course.files.count)
        }
        return findings.containsErrors ? 1 : 0
    }

    private func printText(
        _ findings: [Diagnostic], coverage: [(lesson: Lesson, rule: Rule, scenarios: Int)],
        files: Int
    ) {
        let style = Style.detect()
        Diagnostics.print(findings, to: .output)

        if !coverage.isEmpty {
            if !findings.isEmpty { Console.output.line() }
            Console.output.line(language == .romanian ? "Acoperirea regulilor:" : "Rule coverage:")
            let width = coverage.map { DisplayWidth.of($0.rule.id.rawValue) }.max() ?? 0
            let countWidth = max(4, coverage.map { String($0.scenarios).count }.max() ?? 0)
            for row in coverage {
                let count = String(row.scenarios)
                let padded = String(repeating: " ", count: countWidth - count.count) + count
                let noun =
                    language == .romanian
                    ? (row.scenarios == 1 ? "scenariu" : "scenarii")
                    : (row.scenarios == 1 ? "scenario" : "scenarios")
                let line =
                    "  " + DisplayWidth.pad(SafeText.visible(row.rule.id.rawValue), to: width)
                    + " " + padded + " " + noun
                Console.output.line(row.scenarios == 0 ? style.warn(line) : line)
            }
        }

        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        Console.output.line(
            Summary.line(errors: errors, warnings: warnings, files: files, language))
    }

    // MARK: - explain

    private func explain() -> Int32 {
        guard options.arguments.count == 1, let id = options.arguments.first else {
            Console.error.line("ticket-trainer: error: 'explain' takes one scenario id")
            Console.error.line(
                "usage: ticket-trainer explain ID [--scenarios PATH] [--lesson PATH]")
            return 2
        }
        var quizOptions = options
        quizOptions.arguments = []
        guard let course = TrainerCommandLine(options: quizOptions, language: language).loadCourse()
        else { return 2 }

        let all = course.banks.flatMap { bank in bank.scenarios.map { (bank, $0) } }
        guard let (bank, scenario) = all.first(where: { $0.1.id == id }) else {
            Diagnostics.print(course.diagnostics.filter { $0.severity == .error })
            let hint = NearMiss.closest(to: id, among: all.map(\.1.id)).map {
                "did you mean '\($0)'?"
            }
            Diagnostics.fail(
                "no scenario '\(SafeText.visible(id))'",
                note: hint
                    ?? (options.scenarioPaths.isEmpty
                        ? "explain looks in the bundled Scenarios folder; "
                            + "name your file with --scenarios" : nil))
            return 1
        }
        guard let lesson = course.lessons.first(where: { $0.id == bank.lessonID }) else { return 1 }

        ScenarioExplanation(
            lesson: lesson, scenario: scenario, strings: Strings(language), style: Style.detect(),
            columns: Console.output.columns ?? 80
        ).print()
        return 0
    }
}

/// "1 error, 2 warnings in 3 files".
enum Summary {
    static func line(errors: Int, warnings: Int, files: Int, _ language: Language) -> String {
        switch language {
        case .romanian:
            let e = errors == 1 ? "1 eroare" : "\(errors) erori"
            let w = warnings == 1 ? "1 avertisment" : "\(warnings) avertismente"
            let f = files == 1 ? "1 fișier" : "\(files) fișiere"
            return "\(e), \(w) în \(f)"
        case .english:
            let e = errors == 1 ? "1 error" : "\(errors) errors"
            let w = warnings == 1 ? "1 warning" : "\(warnings) warnings"
            let f = files == 1 ? "1 file" : "\(files) files"
            return "\(e), \(w) in \(f)"
        }
    }
}

/// Findings and coverage as JSON, for editors and CI.
enum ValidationJSON {
    static func render(
        _ findings: [Diagnostic], coverage: [(lesson: Lesson, rule: Rule, scenarios: Int)],
        files: [String]
    ) -> String {
        let object: [String: Any] = [
            "files": files,
            "errors": findings.filter { $0.severity == .error }.count,
            "warnings": findings.filter { $0.severity == .warning }.count,
            "findings": findings.map { finding -> [String: Any] in
                var entry: [String: Any] = [
                    "file": finding.location.file, "line": finding.location.line,
                    "column": finding.location.column, "severity": finding.severity.rawValue,
                    "message": finding.message,
                ]
                if let note = finding.note { entry["note"] = note }
                return entry
            },
            "coverage": coverage.map {
                ["lesson": $0.lesson.id, "rule": $0.rule.id.rawValue, "scenarios": $0.scenarios]
            },
        ]
        return JSONText.render(object)
    }
}
