import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

/// `Lexicon` interns syllables: each distinct bare key gets an id, and each toned form of it a
/// small *variant* number, so positions can be stored under the bare key with one extra byte that
/// says which diacritics the text had.
///
/// Built concurrently (workers keep a local cache and take the lock only on a miss), then frozen.
final class Lexicon: Sendable {
  struct Entry: Sendable {
    var bare: UInt32
    var variant: UInt32
  }

  struct State {
    var bareIDs: [String: UInt32] = [:]
    var tonedIDs: [String: Entry] = [:]
    var variants: [[String]] = []  // per bare id: toned keys in variant order
  }

  let state: Mutex<State>

  init(state: State = State()) { self.state = Mutex(state) }

  /// `intern(_:)` returns the entry of a raw syllable (as it appeared in the text).
  func intern(_ syllable: Substring) -> Entry {
    let toned = Fold.tonedKey(syllable.unicodeScalars)
    return state.withLock { s in
      if let e = s.tonedIDs[toned] { return e }
      let bare = Fold.bareKey(syllable.unicodeScalars)
      let bareID: UInt32
      if let id = s.bareIDs[bare] {
        bareID = id
      } else {
        bareID = UInt32(s.variants.count)
        s.bareIDs[bare] = bareID
        s.variants.append([])
      }
      let e = Entry(bare: bareID, variant: UInt32(s.variants[Int(bareID)].count))
      s.variants[Int(bareID)].append(toned)
      s.tonedIDs[toned] = e
      return e
    }
  }

  func bareID(_ key: String) -> UInt32? { state.withLock { $0.bareIDs[key] } }
  func entry(toned key: String) -> Entry? { state.withLock { $0.tonedIDs[key] } }
  var count: Int { state.withLock { $0.variants.count } }
}
