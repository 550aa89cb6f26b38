// Package fetch downloads one web page for sitrep, politely and safely.
//
// Get refuses any address that is not public (loopback, private,
// link-local, unspecified, multicast and the other reserved ranges) unless
// Options.AllowPrivate is set. The check runs when the connection is
// dialled, on the address actually dialled, so it holds for every
// redirect and against DNS rebinding; proxies from the environment are not
// used, since a proxy would hide that address.
//
// Every resource is capped: the time of the whole exchange
// (Options.Timeout), the number of redirects (MaxRedirects), and the size
// of the body both as sent and once decompressed (Options.MaxBytes), so a
// gzip bomb fails fast with ErrTooLarge instead of filling memory.
//
// A Fetcher adds politeness for a run of many fetches: it reads each
// host's robots.txt once (cached for RobotsTTL) and refuses what it
// disallows with ErrRobots, keeps Options.HostInterval (1 s by default)
// between the starts of two requests to one host, and offers conditional
// GET for feeds (GetFeed with Validators; a 304 is ErrNotModified).
//
// Failures are sentinel errors, wrapped with the URL and what was being
// done; test for them with errors.Is: ErrBadURL, ErrPrivateAddress,
// ErrUnreachable, ErrTimeout, ErrTooManyRedirects, ErrStatus (a
// *StatusError carries the code), ErrTooLarge, ErrEncoding, and from a
// Fetcher ErrRobots and ErrNotModified.
package fetch
