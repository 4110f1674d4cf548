/**
 * The mark the email sanitizer leaves on an `<img>` whose remote source it blocked: a
 * module of its own, so that what styles or counts such images needs no sanitizer.
 * @packageDocumentation
 */

/** Attribute set on an `<img>` whose remote source was blocked. */
export const BLOCKED_IMAGE_ATTRIBUTE = 'data-cc-blocked-image';
