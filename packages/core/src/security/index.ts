/** Security schemes (filled in by the security work). */
export {};
