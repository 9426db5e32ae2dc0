export {};
//# sourceMappingURL=tree.js.map