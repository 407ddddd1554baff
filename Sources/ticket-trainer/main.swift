import Foundation
import TicketTrainerCore
import TicketTrainerTerminal

setlocale(LC_ALL, "")
if !Locale.isUTF8 {
    // libedit reads and completes non-ASCII text only in a UTF-8 locale.
    setlocale(LC_CTYPE, "C.UTF-8")
}

/// Ends the run. Output that could not be written (a full disk behind `> file`) turns a
/// success into a failure, said on standard error.
func finish(_ status: Int32) -> Never {
    if let reason = Console.outputFailureReason {
        Console.error.line("ticket-trainer: error: could not write the output: \(reason)")
        exit(status == 0 ? 1 : status)
    }
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let options: Options
do {
    options = try OptionParser.parse(arguments)
} catch {
    Console.error.line("ticket-trainer: error: " + error.message)
    Console.error.line(
        "usage: ticket-trainer [practice|test|validate|explain|history|stats|report] [options]")
    Console.error.line("see 'ticket-trainer --help'")
    exit(2)
}

if [.practice, .test, .history, .stats].contains(options.command),
    let extra = options.arguments.first
{
    // `--due test`: the command was written after an option.
    let misplaced = Options.Command(rawValue: extra).map {
        "; the command comes first: 'ticket-trainer \($0.rawValue) ...'"
    }
    Console.error.line(
        "ticket-trainer: error: unexpected argument '\(SafeText.visible(extra))'"
            + " for '\(options.command.rawValue)'" + (misplaced ?? ""))
    Console.error.line("see 'ticket-trainer --help'")
    exit(2)
}

let language = options.language ?? InterfaceLanguage.fromEnvironment()

switch options.command {
case .help:
    Usage.print(language)
    finish(0)
case .practice, .test:
    finish(QuizCommandLine(options: options, language: language).run())
case .report:
    finish(ReportCommandLine(options: options, language: language).run())
case .stats:
    finish(StatsCommandLine(options: options, language: language).run())
case .history:
    finish(HistoryCommandLine(options: options, language: language).run())
case .validate, .explain:
    finish(TrainerCommandLine(options: options, language: language).run())
}
