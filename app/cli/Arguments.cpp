#include "Arguments.h"

#include <cmath>

namespace lesiondelta::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& valued,
                     const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (valued.count(a)) {
            if (i + 1 >= args.size()) throw UsageError("option " + a + " needs a value");
            values_[a].push_back(args[++i]);
        } else if (flags.count(a)) {
            flags_.insert(a);
        } else {
            throw UsageError("unknown argument '" + a + "' (see --help)");
        }
    }
}

std::string Arguments::required(const std::string& name) const {
    const auto v = optional(name);
    if (!v) throw UsageError("missing required option " + name);
    return *v;
}

std::optional<std::string> Arguments::optional(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    if (it->second.size() > 1) throw UsageError("option " + name + " given more than once");
    return it->second.front();
}

std::vector<std::string> Arguments::all(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

double Arguments::number(const std::string& name, double fallback, double lo, double hi) const {
    const auto v = optional(name);
    if (!v) return fallback;
    std::size_t used = 0;
    double x = 0.0;
    try {
        x = std::stod(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || !std::isfinite(x)) throw UsageError("option " + name + ": '" + *v + "' is not a number");
    if (x < lo || x > hi) {
        throw UsageError("option " + name + ": " + *v + " is outside [" + std::to_string(lo) + ", " +
                         std::to_string(hi) + "]");
    }
    return x;
}

}  // namespace lesiondelta::cli
