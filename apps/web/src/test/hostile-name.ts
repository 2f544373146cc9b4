/** A name the registry may hold, as any text: markup, an ampersand, both kinds of quotes. */
export const HOSTILE_NAME = `<img src=x onerror=alert(1)> & "Школа" '№1'`;

/** The same name as HTML must carry it: text, not an element. */
export const HOSTILE_NAME_ESCAPED = '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Школа&quot; &#39;№1&#39;';
