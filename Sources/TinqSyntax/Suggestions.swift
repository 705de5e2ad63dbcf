/// `Suggestions` finds the valid word a person most likely meant, for "did you mean" notes.
public enum Suggestions {
  /// `nearest(to:in:)` returns the candidate closest to `word` by edit distance (a swap of two
  /// neighbouring letters counts as one edit), or nil when none is close enough to be a typo.
  public static func nearest(to word: String, in candidates: [String]) -> String? {
    // A long word is not a typo of a short keyword, and comparing it would cost time.
    guard word.utf8.count <= 160 else { return nil }
    let typed = Array(word.lowercased())
    guard !typed.isEmpty, typed.count <= 40 else { return nil }
    let allowed = typed.count <= 4 ? 1 : typed.count <= 8 ? 2 : 3
    var best: (String, Int)? = nil
    for candidate in candidates {
      let target = Array(candidate.lowercased())
      guard target != typed, abs(target.count - typed.count) <= allowed else { continue }
      let d = distance(typed, target)
      if d <= allowed && d < target.count, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
    }
    return best?.0
  }

  /// `distance(_:_:)` is the optimal-string-alignment distance between two words.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          row[j] = min(row[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, row) = (previous, row, previous2)
    }
    return previous[b.count]
  }
}
