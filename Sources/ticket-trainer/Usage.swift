import Foundation
import TicketTrainerCore
import TicketTrainerTerminal

/// The interface language the locale asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`.
enum InterfaceLanguage {
    static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy
            .compactMap { environment[$0] }.first { !$0.isEmpty }
        return chosen.flatMap(Language.init(locale:)) ?? .english
    }
}

/// `ticket-trainer --help`.
enum Usage {
    static func print(_ language: Language) {
        let text =
            language == .romanian
            ? """
            ticket-trainer: exersează clasificarea tichetelor din monitorul CRM

            utilizare: ticket-trainer [comandă] [opțiuni]

            comenzi:
              practice            exersare, cu răspunsul corect după fiecare tichet (implicit)
              test                testul final, notat la sfârșit
              validate [CALE...]  verifică lecții și scenarii
              explain ID          arată cum decid regulile un scenariu
              history             încercările de până acum, cu punctajul lor
              stats [--all]       cât de des e corect fiecare câmp și fiecare regulă
              report [NR]         raportul unei încercări (--format md|html|csv|json)

            opțiuni:
              --lesson CALE       fișierul sau dosarul lecției (implicit Lessons/)
              --scenarios CALE    fișierul sau dosarul scenariilor (implicit Scenarios/)
              --lang ro|en        limba interfeței (implicit din LANG)
              --seed N            aceeași ordine a tichetelor la fiecare rulare
              --in-order          tichetele în ordinea din fișier
              --due               la exersare: doar tichetele de repetat acum
              --json              rezultatul ca obiect JSON pe ieșirea standard
              --trainee NUME      al cui e rezultatul (implicit numele de login)
              --data-dir DOSAR    unde se păstrează rezultatele
              --resume            cu test: continuă testul final întrerupt
              --format FORMĂ      validate: text|json; report: md|html|csv|json
              -h, --help          acest mesaj
            """
            : """
            ticket-trainer: practise classifying CRM ticket-monitor tickets

            usage: ticket-trainer [command] [options]

            commands:
              practice            practice, with the right answer after each ticket (default)
              test                the final test, scored at the end
              validate [PATH...]  check lessons and scenarios
              explain ID          show how the rules decide one scenario
              history             every attempt so far, with its score
              stats [--all]       how often each field and each rule is answered right
              report [N]          one attempt's report (--format md|html|csv|json)

            options:
              --lesson PATH       the lesson file or folder (default Lessons/)
              --scenarios PATH    the scenario file or folder (default Scenarios/)
              --lang ro|en        interface language (default from LANG)
              --seed N            the same ticket order on every run
              --in-order          tickets in the order of the file
              --due               with practice: only the tickets due for review
              --json              the result as one JSON object on standard output
              --trainee NAME      whose results these are (default: the login name)
              --data-dir DIR      where results are kept
              --resume            with test: continue the final test that was cut short
              --format FORM       validate: text|json; report: md|html|csv|json
              -h, --help          this message
            """
        Console.output.line(text)
    }
}
