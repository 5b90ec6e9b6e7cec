// Objects/exceptions.c and Include/cpython/pyerrors.h of 3.10: the members a
// builtin exception struct adds after PyException_HEAD, by the class that
// declares the struct (its subclasses share it: FileNotFoundError is an
// OSError struct). Every other builtin exception is PyBaseExceptionObject.
import type { CField } from "../struct.js";
import { ptr, ssize } from "./platform.js";

export type ExceptionMembers = Readonly<Record<string, readonly CField[]>>;

export const syntaxErrorMembers38 = ["msg", "filename", "lineno", "offset", "text", "print_file_and_line"].map((n) => ptr(n));

const unicodeErrorMembers = [ptr("encoding"), ptr("object"), ssize("start"), ssize("end"), ptr("reason")];

export const exceptionMembers: ExceptionMembers = {
  StopIteration: [ptr("value")],
  SystemExit: [ptr("code")],
  ImportError: [ptr("msg"), ptr("name"), ptr("path")],
  OSError: [ptr("myerrno"), ptr("strerror"), ptr("filename"), ptr("filename2"), ssize("written")],
  // 3.10 adds the end position.
  SyntaxError: ["msg", "filename", "lineno", "offset", "end_lineno", "end_offset", "text", "print_file_and_line"].map((n) => ptr(n)),
  // UnicodeError itself is PyBaseExceptionObject; its three subclasses are PyUnicodeErrorObject.
  UnicodeEncodeError: unicodeErrorMembers,
  UnicodeDecodeError: unicodeErrorMembers,
  UnicodeTranslateError: unicodeErrorMembers,
  // 3.10: the name (and object) the "Did you mean" suggestions read.
  NameError: [ptr("name")],
  AttributeError: [ptr("obj"), ptr("name")],
};
