#include "identity/default_model.hpp"

#include <map>
#include <string>

namespace bzpeer::identity {

const std::map<std::string, std::string>& embedded_models();  // generated from models/

Result<PairModel> default_model() {
  const auto& files = embedded_models();
  auto it = files.find("identity.json");
  if (it == files.end())
    return make_error(ErrorCode::not_found, "no models/identity.json was built in: run `bzpeer identity train`");
  return PairModel::from_json(it->second);
}

}  // namespace bzpeer::identity
