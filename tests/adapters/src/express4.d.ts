// Express 4 is installed under the alias `express4`; its API is typed with Express 5's types here.
declare module 'express4' {
  import express from 'express';
  export default express;
}

// Koa 2 is installed under the alias `koa2`; its API is typed with Koa 3's types here.
declare module 'koa2' {
  import Koa from 'koa';
  export default Koa;
}
