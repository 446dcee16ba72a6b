//! Unit tests of the tagger on sentences written for them.
use super::*;

