import Foundation
import Testing
import TinqText

@Suite struct TextTests {
  /// Keys that differ in one byte anywhere (around the 8- and 16-byte steps of the hash) are
  /// distinct in a set, equal ones are one, and canonically equal but differently encoded
  /// strings stay apart: the key is the bytes.
  @Test func utf8KeysAreTheirBytes() {
    var set = Set<UTF8Key>()
    var distinct = Set<String>()
    for length in 0...40 {
      let base = String(repeating: "a", count: length)
      for change in 0..<length {
        var bytes = Array(base.utf8)
        bytes[change] = 0x62
        let s = String(decoding: bytes, as: UTF8.self)
        set.insert(UTF8Key(s))
        set.insert(UTF8Key(String(s)))  // the same key again
        distinct.insert(s)
      }
      set.insert(UTF8Key(base))
      distinct.insert(base)
    }
    #expect(set.count == distinct.count)
    for s in distinct { #expect(set.contains(UTF8Key(s))) }
    #expect(!set.contains(UTF8Key("c")))
    #expect(UTF8Key("ho\u{00E0}") != UTF8Key("hoa\u{0300}"))
    #expect(Set([UTF8Key("ho\u{00E0}"), UTF8Key("hoa\u{0300}")]).count == 2)
  }

  @Test(arguments: [("hoà", "hòa"), ("thuỷ", "thủy"), ("Uỷ", "ủy"), ("tuý", "túy"), ("KHOÁ", "khóa")])
  func tonePlacementFoldsTogether(old: String, new: String) {
    #expect(Fold.tonedKey(old.unicodeScalars) == Fold.tonedKey(new.unicodeScalars))
  }

  @Test(arguments: [("Đại tướng", "dai tuong"), ("Nguyễn Tân Cương", "nguyen tan cuong"), ("ĐƯỜNG", "duong")])
  func bareKeys(text: String, bare: String) {
    #expect(Fold.matchKey(text, bare: true) == bare)
  }

  @Test func diacriticsAreDetected() {
    #expect(Fold.hasDiacritics("đ"))
    #expect(Fold.hasDiacritics("ma túy"))
    #expect(!Fold.hasDiacritics("ma tuy"))
  }

  @Test func phrasesMatchWholeSyllables() {
    #expect(!Phrase("nh quốc").matches("an ninh quốc gia"))
    #expect(Phrase("ma tuy").matches("tội phạm ma túy"))
    #expect(Phrase("ma túy").matches("tội phạm ma tuý"))
    #expect(!Phrase("ma túy").matches("ma tùy"))
    #expect(Phrase("NĐ-CP").matches("03/2019/NĐ-CP"))
  }

  @Test func vietnameseAlphabeticalOrder() {
    let words = ["Zô", "Ưng", "Uy", "Ea", "Đinh", "Dương", "bân", "băn", "bạn", "bán", "bãn", "bản", "bàn", "ban"]
    let sorted = words.sorted { VietnameseCollation.less(VietnameseCollation.sortKey($0), VietnameseCollation.sortKey($1)) }
    #expect(sorted == ["ban", "bàn", "bản", "bãn", "bán", "bạn", "băn", "bân", "Dương", "Đinh", "Ea", "Uy", "Ưng", "Zô"])
  }

  @Test func displayWidthCountsWhatATerminalShows() {
    let nfc = "Thượng"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
    #expect(DisplayWidth.of(nfc) == 6)
    #expect(DisplayWidth.of(nfd) == 6)
    #expect(DisplayWidth.of("漢字") == 4)
    #expect(DisplayWidth.truncate("Nguyễn Tân Cương", to: 8) == "Nguyễn …")
  }

  @Test func normalisationRemovesTheFormsThatMustNotMatter() {
    #expect(TextNormalizer.normalize("\u{FEFF}a\r\nb\u{00A0}“c”") == "a\nb \"c\"")
    let nfd = "Nghị định".decomposedStringWithCanonicalMapping
    #expect(Array(TextNormalizer.normalize(nfd).unicodeScalars) == Array("Nghị định".unicodeScalars))
  }
}

