import Foundation
import Testing
import TinqEngine
import TinqSyntax

/// The grammar file and the implementation are checked against each other, the way a generated
/// parser would be checked against its grammar.
@Suite struct GrammarTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func grammarText() throws -> String {
    try String(contentsOf: root.appendingPathComponent("grammar/tinq.ebnf"), encoding: .utf8)
  }

  /// The grammar without its `(* ... *)` comments.
  static func productions(_ grammar: String) -> String {
    var out = ""
    var rest = Substring(grammar)
    while let open = rest.range(of: "(*") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "*)") else { return out }
      rest = rest[close.upperBound...]
    }
    return out + rest
  }

  /// Every `(* example: ... *)` line.
  static func examples(_ grammar: String) -> [String] {
    grammar.split(separator: "\n").compactMap { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("(* example: "), trimmed.hasSuffix(" *)") else { return nil }
      return String(trimmed.dropFirst("(* example: ".count).dropLast(" *)".count))
    }
  }

  @Test func keywordsAgreeWithTheKeywordTable() throws {
    let text = Self.productions(try Self.grammarText())
    var quotedWords = Set<String>()
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "\"") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "\"") else { break }
      let word = String(after[..<close])
      if word.allSatisfy({ $0.isLetter }) { quotedWords.insert(word) }
      rest = after[after.index(after: close)...]
    }
    let collections = Set(CollectionKind.allCases.map(\.rawValue))
    #expect(quotedWords.isSuperset(of: collections), "the grammar lists the collections")
    #expect(quotedWords.subtracting(collections) == Set(Keyword.allCases.map(\.rawValue)))
  }

  @Test func everyGrammarExampleParses() throws {
    let examples = Self.examples(try Self.grammarText())
    #expect(examples.count >= 30)
    for example in examples {
      for item in Parser.parseScript(example) {
        if case .failure(let d) = item.result {
          Issue.record("\(example): \(d.message)")
        }
      }
    }
  }

  @Test func everyGrammarExampleChecks() throws {
    let bindings: [String: Literal.Value] = ["since": .integer(2021)]
    for example in Self.examples(try Self.grammarText()) {
      for item in Parser.parseScript(example) {
        guard case .success(let statement) = item.result else { continue }
        do {
          _ = try Checker.check(statement, bindings: bindings)
        } catch {
          Issue.record("\(example): \(error.message)")
        }
      }
    }
  }

  /// Every statement in a ```tinq block of README.md parses, and there are such blocks.
  @Test func readmeExamplesParse() throws {
    let url = Self.root.appendingPathComponent("README.md")
    #expect(FileManager.default.fileExists(atPath: url.path), "README.md is missing")
    let readme = try String(contentsOf: url, encoding: .utf8)
    var inBlock = false
    var block: [String] = []
    var statements = 0
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        if inBlock {
          let script = block.joined(separator: "\n")
          for item in Parser.parseScript(script) {
            statements += 1
            if case .failure(let d) = item.result {
              Issue.record("README.md: \(DiagnosticFormatter.render(d, source: script, file: "README.md"))")
            }
          }
          block = []
        }
        inBlock = !inBlock && trimmed == "```tinq"
        continue
      }
      // Meta-commands such as `.mode csv` belong to the shell, not the language.
      if inBlock && !trimmed.hasPrefix(".") { block.append(String(line)) }
    }
    #expect(statements >= 10, "README.md has \(statements) statements in ```tinq blocks")
  }
}
