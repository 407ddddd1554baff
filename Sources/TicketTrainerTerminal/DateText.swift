import Foundation

/// Dates as people read them in lists and messages: `2026-12-04 18:47`, in local time.
/// Make one for a whole list: a formatter is costly to set up.
public struct DateText {
    private let formatter = DateFormatter()

    public init() {
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
    }

    public func minute(_ date: Date) -> String { formatter.string(from: date) }
}
