// Express 4 is installed under the alias `express4`; its API is typed with Express 5's types here.
declare module 'express4' {
  import express from 'express';
  export default express;
}
