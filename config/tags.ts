import { z } from "zod";

/**
 * AWS's tag rules ("Tagging AWS resources", Tag naming limits and requirements), checked when the
 * config is read so that a tag no service would take fails before anything is registered.
 */
export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
/** Letters, separators (spaces), numbers in any script, and `_ . : / = + - @`. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Tags the platform sets itself (naming.ts's tagsFor and the components): a stack's own tags may
 * not use these keys, and leave room for them under the 50-tag limit. The most any resource adds
 * is four (an analyst role: project, stack, persona, analyst-group; a SageMaker role: project,
 * stack, persona, sagemaker-pipeline); tests/config/tags.test.ts
 * counts it on the planned stacks, so that a component adding one more tag fails there.
 */
export const PLATFORM_TAG_KEYS = ["project", "stack", "persona", "purpose", "analyst-group", "sagemaker-pipeline", "detector"] as const;
export const MAX_PLATFORM_TAGS_PER_RESOURCE = 4;

const tagKey = z
    .string()
    .min(1)
    .max(MAX_TAG_KEY_LENGTH)
    .regex(TAG_CHARACTERS, "a tag key of letters, digits, spaces and _ . : / = + - @")
    .refine((key) => !key.toLowerCase().startsWith("aws:"), "a tag key not starting with aws: (AWS reserves it)")
    .refine((key) => !(PLATFORM_TAG_KEYS as readonly string[]).includes(key), `a tag key other than ${PLATFORM_TAG_KEYS.join(", ")} (the platform sets those)`);

// An empty value is valid: AWS stores the tag with an empty string.
const tagValue = z
    .string()
    .max(MAX_TAG_VALUE_LENGTH)
    .regex(TAG_CHARACTERS, "a tag value of letters, digits, spaces and _ . : / = + - @");

const MAX_STACK_TAGS = MAX_TAGS_PER_RESOURCE - MAX_PLATFORM_TAGS_PER_RESOURCE;

/** The stack's own tags, added to every resource beside the platform's. */
export const stackTags = z
    .record(tagKey, tagValue)
    .refine((tags) => Object.keys(tags).length <= MAX_STACK_TAGS, {
        message: `at most ${MAX_STACK_TAGS} tags (AWS allows ${MAX_TAGS_PER_RESOURCE} per resource, the platform adds up to ${MAX_PLATFORM_TAGS_PER_RESOURCE})`,
    });
