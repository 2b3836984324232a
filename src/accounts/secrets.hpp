#pragma once
// Secrets through libsodium: argon2id password hashes, random tokens, and the hashes
// under which tokens are stored (a stolen database holds no usable session or link).
#include <string>

namespace bzpeer::accounts {

// Argon2id (libsodium's interactive limits); the string carries its own parameters.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

// 32 random bytes as 64 hex characters.
std::string random_token();
// BLAKE2b of a token, hex: what the store keeps.
std::string token_hash(const std::string& token);

}  // namespace bzpeer::accounts
