// What a person reads of the server's words: a refusal names each action by its label for people and by its code in
// parentheses for developers ("… here (cms:content.publish): …", "(needs admin-center:user.view)"); people see words.

/** An action code in parentheses, as the server's refusals add it after the words ("(needs … at …)" too). */
const ACTION_CODE = /\s*\((?:needs )?[a-z][a-z0-9-]*:[a-z0-9][A-Za-z0-9._-]*(?: at [^)]*)?\)/g;

/** `message` without the action codes the server adds for developers. */
export const inWords = (message: string): string => message.replace(ACTION_CODE, "");
