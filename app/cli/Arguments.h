#pragma once
// A small command-line parser: --name value options (repeatable) and --flag switches.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace lesiondelta::cli {

/// A user error on the command line; main prints it as one line and exits with 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    /// `valued`: options taking a value; `flags`: switches. Anything else is a UsageError.
    Arguments(const std::vector<std::string>& args, const std::set<std::string>& valued,
              const std::set<std::string>& flags);

    std::string required(const std::string& name) const;
    std::optional<std::string> optional(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    /// A number option; UsageError when it does not parse or lies outside [lo, hi].
    double number(const std::string& name, double fallback, double lo, double hi) const;

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::set<std::string> flags_;
};

}  // namespace lesiondelta::cli
