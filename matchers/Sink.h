//===- Sink.h - per-unit state shared by the rule families ----------------===//
//
// TUSink turns Clang locations into findings for one translation unit and
// knows the macro definitions seen (for the "in macro definition" status).
// Family is the interface each rule family (one file each) implements.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_MATCHERS_SINK_H
#define DAXPORT_MATCHERS_SINK_H

#include "matchers/Finding.h"
#include "rules/RuleSet.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <vector>

namespace clang {
class FunctionDecl;
class ASTContext;
class Expr;
class LangOptions;
class MacroArgs;
class Preprocessor;
class Token;
} // namespace clang

namespace daxport {

/// Text around a token, for token-level pattern decisions.
struct TokenContext {
  llvm::StringRef Before; ///< the buffer up to the token
  llvm::StringRef After;  ///< the buffer from just past the token
  /// The last non-blank character before the token, or 0.
  char prevChar() const;
  /// The first non-blank character after the token, or 0.
  char nextChar() const;
  /// The identifier before the balanced (...) group that ends just before
  /// the token's preceding operator, e.g. "pmd_trans_huge" in
  /// "pmd_trans_huge(*pmd) || pmd_devmap". Empty if there is none.
  std::string identBeforeOperator(llvm::StringRef Op) const;
  /// The identifier after "(...) Op" that follows the token, e.g.
  /// "pmd_trans_huge" in "pmd_devmap(x) || pmd_trans_huge(x)".
  std::string identAfterCall(llvm::StringRef Op) const;
};

/// Extends the deletion of Buf[B, E) (a definition) to whole lines: the
/// indentation before it, a trailing comment and the newline after it, the
/// comment block directly above it (no blank line between), and one of two
/// blank lines the deletion would leave adjacent. False, with Why, when
/// other code shares its first or last line.
bool wholeLineDeletion(llvm::StringRef Buf, unsigned &B, unsigned &E,
                       std::string &Why);

/// The whole-line deletion of a definition found without a parse (in code
/// the preprocessor skipped): "#define NAME ..." with its continuation
/// lines, or "SPECIFIERS NAME(...) { ... }" / "SPECIFIERS NAME(...);" whose
/// specifiers start the line. NameOffset is the name's offset in Buf.
bool textualDefinitionDeletion(llvm::StringRef Buf, unsigned NameOffset,
                               bool IsDefine, unsigned &B, unsigned &E,
                               std::string &Why);

/// S without trailing (leading) blanks and comments.
llvm::StringRef rtrimCode(llvm::StringRef S);
llvm::StringRef ltrimCode(llvm::StringRef S);

class Family;

/// The text an edit is computed from: the whole file and the token.
struct EditContext {
  llvm::StringRef Buffer;
  unsigned Offset = 0, Length = 0; ///< the symbol's token
  std::string File;
};

class TUSink {
public:
  TUSink(const RuleSet &Rules, std::string Config,
         const FixTarget *Fix = nullptr)
      : Rules(Rules), Config(std::move(Config)), Fix(Fix) {}
  void addFamily(Family *F);
  const FixTarget *fixTarget() const { return Fix; }
  void setSourceManager(clang::SourceManager &S) { SM = &S; }
  clang::SourceManager &sourceManager() const { return *SM; }
  const RuleSet &rules() const { return Rules; }

  /// Reports Symbol at Loc under the first of Patterns that Family has a rule
  /// for. Loc may be a macro location: the spelling is used. Returns false if
  /// no rule applies or the location is not reportable (system header,
  /// builtin).
  /// With fix, Edits (if given) replace the family's own edit plan.
  bool report(llvm::StringRef Family, std::vector<std::string> Patterns,
              llvm::StringRef Symbol, clang::SourceLocation Loc,
              int Specificity, std::vector<std::string> Evidence = {},
              const clang::FunctionDecl *Fn = nullptr,
              Status St = Status::Analysed,
              const std::vector<Edit> *Edits = nullptr);

  /// With fix --definitions: the edit deleting the definition spelled in
  /// file text from Begin to End (file locations; End is the start of its
  /// last token), whole lines. False, with Why, when it cannot be deleted
  /// safely (in a macro, shares lines with other code).
  bool definitionDeletion(clang::SourceLocation Begin, clang::SourceLocation End,
                          const clang::LangOptions &LO, std::vector<Edit> &Out,
                          std::string &Why) const;
  bool fixingDefinitions() const { return Fix && Fix->Definitions; }
  /// Why the next reported definition has no deletion edit.
  void setDefinitionWhy(std::string Why) { DefinitionWhy = std::move(Why); }

  /// Records a macro definition's extent, for the in-macro status.
  void addMacroDefinition(clang::SourceLocation Begin, clang::SourceLocation End,
                          llvm::StringRef Name);
  /// Records a skipped (#if'd out) range.
  void addSkippedRange(clang::SourceRange R) { Skipped.push_back(R); }

  /// Context of the token at a file location.
  TokenContext tokenContext(clang::SourceLocation SpellingLoc,
                            unsigned TokenLength) const;

  /// Fills Function for findings reported from the preprocessor, once the
  /// AST is complete.
  void resolveFunctions(clang::ASTContext &Ctx);

  std::vector<Finding> take() { return std::move(Findings); }

private:
  void planFix(Finding &F, llvm::StringRef FamilyName, clang::FileID FID,
               const std::vector<Edit> *Given);
  const RuleSet &Rules;
  std::string Config;
  const FixTarget *Fix;
  std::string DefinitionWhy;
  llvm::StringMap<Family *> FamilyByName;
  llvm::DenseMap<clang::FileID, unsigned long long> Hashes;
  clang::SourceManager *SM = nullptr;
  std::vector<Finding> Findings;
  std::vector<clang::SourceLocation> PendingExpansion; ///< per finding
  struct MacroDef {
    unsigned Begin, End;
    std::string Name;
  };
  llvm::DenseMap<clang::FileID, std::vector<MacroDef>> MacroDefs;
  std::vector<clang::SourceRange> Skipped;
  /// Index of findings by (FileID, offset), to keep one per site.
  std::map<std::pair<unsigned, unsigned>, size_t> ByLoc;
};

/// One rule family's analyses.
class Family {
public:
  explicit Family(TUSink &S) : Sink(S) {}
  virtual ~Family();
  virtual llvm::StringRef name() const = 0;
  /// Registers the family's AST matchers.
  virtual void registerMatchers(clang::ast_matchers::MatchFinder &F) {}
  /// The patterns, best first, for Symbol seen as a token (a macro use, a
  /// token in a macro body or in skipped code).
  virtual std::vector<std::string> tokenPatterns(llvm::StringRef Symbol,
                                                 const TokenContext &C) const;
  /// The evidence for the token-level decision above.
  virtual std::vector<std::string> tokenEvidence(llvm::StringRef Symbol,
                                                 const TokenContext &C) const {
    return {};
  }
  /// Sees every macro expansion (after the generic symbol handling).
  virtual void macroExpanded(const clang::Token &Name, clang::SourceRange Range,
                             const clang::MacroArgs *Args,
                             clang::Preprocessor &PP) {}
  /// Plans the edits of a mechanical rewrite of Symbol under rule R with
  /// Template (the rule's rewrite for the target, may be null). Returns
  /// false with Why set if this shape cannot be rewritten automatically.
  virtual bool edits(const Rule &R, llvm::StringRef Symbol,
                     const std::string *Template, const EditContext &C,
                     std::vector<Edit> &Out, std::string &Why) const;
  /// The patterns for the definition of Symbol at a file (macro or decl).
  virtual std::vector<std::string> definitionPatterns(llvm::StringRef Symbol,
                                                      llvm::StringRef File) const;

protected:
  TUSink &Sink;
};

std::unique_ptr<Family> createDevmapPredicateFamily(TUSink &S);
std::unique_ptr<Family> createDevmapBitFamily(TUSink &S);
std::unique_ptr<Family> createPfnTFamily(TUSink &S);
std::unique_ptr<Family> createInsertApiFamily(TUSink &S);
std::unique_ptr<Family> createRefcountOneFamily(TUSink &S);
/// Every family, in report order.
std::vector<std::unique_ptr<Family>> createFamilies(TUSink &S);

/// Splits the argument list "(a, f(b, c), d)" at top-level commas; false if
/// Group is not a balanced parenthesised list.
bool splitArguments(llvm::StringRef Group, std::vector<std::string> &Args);
/// The balanced Open...Close group right after Pos in Buf (skipping blanks),
/// string and character literals and comments inside it skipped, or empty.
llvm::StringRef balancedGroupAt(llvm::StringRef Buf, size_t Pos, char Open,
                                char Close);
/// The balanced "(...)" right after Pos in Buf (skipping blanks), or empty.
llvm::StringRef parenGroupAt(llvm::StringRef Buf, size_t Pos);
/// The end (offset of the newline) of the logical line holding From: the
/// line and its backslash continuations.
size_t logicalLineEnd(llvm::StringRef Buf, size_t From);
/// Expands a rewrite template: $0 the callee, $1..$9 the arguments.
std::string expandTemplate(const std::string &T, llvm::StringRef Callee,
                           const std::vector<std::string> &Args);

/// True if Ident occurs in Text as a whole identifier.
bool mentionsIdent(llvm::StringRef Text, llvm::StringRef Ident);
/// A fault handler: takes a struct vm_fault *.
bool isFaultHandler(const clang::FunctionDecl *FD);

/// The text of E as written in the file (see PfnT.cpp).
std::string writtenText(const clang::Expr *E, const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

/// True if File looks like the kernel's own headers (include/linux, asm,
/// arch/): definitions there are the kernel's, elsewhere they are shims.
bool isKernelHeaderPath(llvm::StringRef File);

/// Names of the functions a driver defines privately with an API's name:
/// every declaration is in a .c file. Such functions are not the API.
bool isDriverPrivate(const clang::FunctionDecl *FD,
                     const clang::SourceManager &SM);

} // namespace daxport

#endif
