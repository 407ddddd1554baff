import Foundation
import TicketTrainerCore

/// A command the trainee can type at any prompt instead of an answer, in either language.
public enum QuizCommand: CaseIterable, Sendable {
    case help, hint, lesson, skip, score, quit

    /// The words that name the command, compared without case or diacritics.
    var words: [String] {
        switch self {
        case .help: ["help", "ajutor"]
        case .hint: ["hint", "indiciu"]
        case .lesson: ["lesson", "lecție", "rules", "reguli"]
        case .skip: ["skip", "sari"]
        case .score: ["score", "scor"]
        case .quit: ["quit", "exit", "ieșire", "gata"]
        }
    }

    /// The command a whole line names, if it names one exactly; `?` asks for help.
    public init?(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed == "?" {
            self = .help
            return
        }
        let key = AnswerMatcher.key(for: trimmed)
        guard !key.isEmpty,
            let command = QuizCommand.allCases.first(where: {
                $0.words.contains { AnswerMatcher.key(for: $0) == key }
            })
        else { return nil }
        self = command
    }
}
