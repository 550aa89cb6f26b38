// Package access holds what sitrep's access control is made of, with no
// I/O: the roles of users (viewer, reviewer, admin, each allowed what
// the ones before it are), passwords hashed with argon2id in the PHC
// string format, and the random secrets of sessions and API tokens,
// stored only as their SHA-256.
//
// The store keeps users, sessions and tokens; the server decides who a
// request comes from and what its role lets it do.
package access
