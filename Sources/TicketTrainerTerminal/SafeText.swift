/// Text from a file made safe to print: control characters are shown, never obeyed.
///
/// A scenario may hold an escape sequence that would recolour, move the cursor or retitle
/// the terminal. Every C0 and C1 control except the line break becomes a visible `^[` or
/// `<U+009B>`, and so do the invisible marks that reorder text (bidirectional overrides).
public enum SafeText {
    public static func visible(_ text: String, keepingNewlines: Bool = true) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingNewlines:
                result.unicodeScalars.append(scalar)
            case 0x09:
                result += " "
            case 0x00...0x1F:
                result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                result += "^?"
            case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                result += "<U+" + hex(scalar.value) + ">"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The width of text on a terminal, in columns.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The text followed by spaces up to `columns` wide.
    public static func pad(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - of(text)))
    }

    /// Words wrapped to lines of at most `columns`, each line after the first indented.
    public static func wrap(_ text: String, columns: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var current = ""
        for word in unbreakable(text.split(whereSeparator: { $0 == " " || $0 == "\n" })) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if of(indent + candidate) > columns && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { indent + $0 }
    }

    /// The words, with a quoted command ('ticket-trainer test --resume', or in Romanian
    /// quotes) joined into one, so a line break never splits what is to be typed.
    private static func unbreakable(_ words: [Substring]) -> [Substring] {
        var joined: [Substring] = []
        var open: [Substring] = []
        for word in words {
            if open.isEmpty, word.hasPrefix("'ticket-trainer") || word.hasPrefix("„ticket-trainer")
            {
                open = [word]
            } else if !open.isEmpty {
                open.append(word)
            } else {
                joined.append(word)
            }
            guard let first = open.first else { continue }
            let closing: Character = first.hasPrefix("„") ? "”" : "'"
            let closed =
                (open.count > 1 || first.dropFirst().contains(closing))
                && word.contains(closing)
            if closed || open.count == 8 {
                joined.append(Substring(open.joined(separator: " ")))
                open = []
            }
        }
        if !open.isEmpty { joined.append(Substring(open.joined(separator: " "))) }
        return joined
    }
}
