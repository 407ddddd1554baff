import Foundation
import TicketTrainerCore

/// What the command line asks for.
struct Options {
    enum Command: String {
        case practice, test, validate, explain, history, stats, report, help
    }

    var command: Command = .practice
    var arguments: [String] = []
    var lessonPaths: [String] = []
    var scenarioPaths: [String] = []
    var language: Language?
    var seed: UInt64?
    var inOrder = false
    var json = false
    var format: String?
    var dataDirectory: String?
    var trainee: String?
    var resume = false
    var everyone = false
    var due = false
    var reportFormat: String?
}

/// A command line that cannot be carried out, and what would be right.
struct UsageError: Error {
    var message: String
}

/// Reads `ticket-trainer [COMMAND] [OPTIONS] [ARGS]`.
enum OptionParser {
    static let valueOptions = [
        "--lesson", "--scenarios", "--lang", "--seed", "--format", "--data-dir", "--trainee",
    ]
    static let flags = ["--in-order", "--json", "--resume", "--all", "--due", "--help", "-h"]

    /// The commands each option means something to; an option given to another command
    /// is refused rather than silently ignored. `--lang` and `--help` go with every one.
    static let commandsTaking: [String: [Options.Command]] = [
        "--lesson": [.practice, .test, .validate, .explain],
        "--scenarios": [.practice, .test, .validate, .explain],
        "--seed": [.practice, .test],
        "--in-order": [.practice, .test],
        "--due": [.practice],
        "--resume": [.test],
        "--json": [.practice, .test, .validate, .history, .stats],
        "--format": [.validate, .report],
        "--data-dir": [.practice, .test, .history, .stats, .report],
        "--trainee": [.practice, .test, .history, .stats, .report],
        "--all": [.stats],
    ]

    /// Refuses an option the command has no use for, naming the commands that do.
    private static func check(_ name: String, for command: Options.Command) throws(UsageError) {
        guard command != .help, let commands = commandsTaking[name], !commands.contains(command)
        else { return }
        let names = commands.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        throw UsageError(
            message: "'\(name)' does not apply to '\(command.rawValue)'; it is for: \(names)")
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var remaining = arguments[...]

        if let first = remaining.first, !first.hasPrefix("-") {
            guard let command = Options.Command(rawValue: first) else {
                let names = [
                    "practice", "test", "validate", "explain", "history", "stats", "report",
                    "help",
                ]
                throw UsageError(
                    message: "unknown command '\(first)'"
                        + (suggest(first, among: names).map { "; did you mean '\($0)'?" } ?? "")
                        + "\ncommands: " + names.joined(separator: ", "))
            }
            options.command = command
            remaining = remaining.dropFirst()
        }

        while let argument = remaining.popFirst() {
            // After '--' everything is a path or an id, even if it begins with '-'.
            if argument == "--" {
                options.arguments += remaining
                break
            }
            if !argument.hasPrefix("-") || argument == "-" {
                options.arguments.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }

            if flags.contains(name) {
                guard inlineValue == nil else {
                    throw UsageError(message: "option '\(name)' takes no value")
                }
                try check(name, for: options.command)
                switch name {
                case "--in-order": options.inOrder = true
                case "--json": options.json = true
                case "--resume": options.resume = true
                case "--all": options.everyone = true
                case "--due": options.due = true
                default: options.command = .help
                }
                continue
            }
            guard valueOptions.contains(name) else {
                let hint = suggest(name, among: valueOptions + flags).map {
                    "; did you mean '\($0)'?"
                }
                throw UsageError(message: "unknown option '\(name)'" + (hint ?? ""))
            }
            guard let value = inlineValue ?? remaining.popFirst() else {
                throw UsageError(message: "option '\(name)' needs a value")
            }
            try check(name, for: options.command)
            try apply(name, value, to: &options)
        }
        return options
    }

    private static func apply(
        _ name: String, _ value: String, to options: inout Options
    ) throws(UsageError) {
        switch name {
        case "--lesson":
            options.lessonPaths.append(value)
        case "--scenarios":
            options.scenarioPaths.append(value)
        case "--lang":
            guard let language = Language(rawValue: value.lowercased()) else {
                throw UsageError(message: "'--lang \(value)': expected 'ro' or 'en'")
            }
            options.language = language
        case "--seed":
            guard let seed = UInt64(value) else {
                throw UsageError(
                    message: "'--seed \(value)': expected a whole number from 0 to \(UInt64.max)")
            }
            options.seed = seed
        case "--data-dir":
            guard !value.isEmpty else {
                throw UsageError(message: "'--data-dir' needs a folder")
            }
            options.dataDirectory = value
        case "--trainee":
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError(message: "'--trainee' needs a name")
            }
            options.trainee = value
        case "--format" where options.command == .report:
            guard ["md", "html", "csv", "json"].contains(value) else {
                throw UsageError(
                    message: "'--format \(value)': expected 'md', 'html', 'csv' or 'json'")
            }
            options.reportFormat = value
        case "--format":
            guard ["text", "json"].contains(value) else {
                throw UsageError(message: "'--format \(value)': expected 'text' or 'json'")
            }
            options.format = value
        default:
            break
        }
    }

    /// The closest name, if it is close enough to be what was meant.
    static func suggest(_ word: String, among names: [String]) -> String? {
        NearMiss.closest(to: word, among: names)
    }
}
