/// `Syllables` splits text into the units Tinq indexes and matches phrases on: maximal runs of
/// letters, digits and combining marks. Everything else (spaces, punctuation, `/`, `-`) separates,
/// so `03/2019/NĐ-CP` is the four syllables `03 2019 NĐ CP`, and `nh quốc` never matches inside
/// `ninh quốc`.
public enum Syllables {
  /// `split(_:)` returns the syllables of `text` in order, as substrings.
  public static func split(_ text: String) -> [Substring] {
    var result: [Substring] = []
    var start: String.Index? = nil
    let scalars = text.unicodeScalars
    var i = scalars.startIndex
    while i != scalars.endIndex {
      let isWord = Fold.isWordScalar(scalars[i])
      if isWord {
        if start == nil { start = i }
      } else if let s = start {
        result.append(text[s..<i])
        start = nil
      }
      i = scalars.index(after: i)
    }
    if let s = start { result.append(text[s..<text.endIndex]) }
    return result
  }
}
